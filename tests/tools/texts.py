"""Print the paragraph texts of a DOCX as python-docx reads them, as a JSON list.

Body paragraphs and table cell paragraphs in document order; empty paragraphs are left out.
Usage: python3 texts.py FILE.docx
"""
import json
import sys

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph


def blocks(document):
    body = document.element.body
    for child in body.iterchildren():
        if child.tag.endswith("}p"):
            yield Paragraph(child, document)
        elif child.tag.endswith("}tbl"):
            for row in Table(child, document).rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        yield p


def main():
    document = docx.Document(sys.argv[1])
    texts = [p.text for p in blocks(document) if p.text.strip()]
    json.dump(texts, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
