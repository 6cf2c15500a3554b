"""The one error every reader raises: a single Chinese line saying what and where."""

from pathlib import Path


class FormFileError(ValueError):
    """A form file that cannot be read. str(error) is the line shown to the clerk."""


def read_bytes(path: Path) -> bytes:
    """A form file's bytes, or one Chinese line saying why they cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FormFileError(f"{path}：文件不存在") from None
    except IsADirectoryError:
        raise FormFileError(f"{path}：这是一个文件夹，不是表格文件") from None
    except OSError as error:
        raise FormFileError(f"{path}：无法读取（{error.strerror}，文件是否正在 Excel 中打开？）") from None
