"""The one error every reader raises: a single Chinese line saying what and where."""


class FormFileError(ValueError):
    """A form file that cannot be read. str(error) is the line shown to the clerk."""
