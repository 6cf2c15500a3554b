"""绩效填报助手: performance target and self-evaluation forms, offline.

The package root stays import-light on purpose: the command line, the tests and the
store import it without pulling in Qt or the database.
"""

__version__ = "0.1.0"
