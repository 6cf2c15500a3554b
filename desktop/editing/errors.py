"""The error an edit raises when its value or place is not acceptable."""


class EditError(ValueError):
    """Nothing was applied or stored; str(error) is one Chinese line for the clerk."""
