"""Blocks several forms share, each a model with the rows that print it: the evaluation
agency, the contact person, the negative list, the change declaration, the unit nature,
the listed unit."""
