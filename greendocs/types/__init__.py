"""Shared value types of the forms: credit codes, regions, industries, contact details,
dates, amounts and units, text, year series, tick boxes, labelled enums, score arithmetic."""
