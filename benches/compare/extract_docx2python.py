"""Extracts the text of every .docx in a directory with docx2python."""
import pathlib
import sys

from docx2python import docx2python


def main(folder):
    total = 0
    for path in sorted(pathlib.Path(folder).glob("*.docx")):
        with docx2python(str(path)) as result:
            total += len(result.text)
    print(total)


if __name__ == "__main__":
    main(sys.argv[1])
