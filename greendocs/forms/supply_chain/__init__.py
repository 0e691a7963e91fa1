"""Green supply-chain management enterprises: Attachments 5 and 9."""
