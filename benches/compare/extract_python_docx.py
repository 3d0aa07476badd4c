"""Extracts paragraph and cell text from every .docx in a directory with python-docx."""
import pathlib
import sys

import docx


def cells(table):
    for row in table.rows:
        for cell in row.cells:
            yield cell.text


def main(folder):
    total = 0
    for path in sorted(pathlib.Path(folder).glob("*.docx")):
        d = docx.Document(str(path))
        total += sum(len(p.text) for p in d.paragraphs)
        for t in d.tables:
            total += sum(len(c) for c in cells(t))
    print(total)


if __name__ == "__main__":
    main(sys.argv[1])
