"""Prints what an EPUB holds, as JSON, for Tale's EPUB tests: every entry in order with its
compression method, the text of the package, container and XHTML documents, and, with a second
argument, extracts the EPUB into that folder.

usage: epub_inspect.py BOOK.epub [EXTRACT_TO]
"""
import json
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as epub:
    entries = [{"name": info.filename, "method": info.compress_type, "size": info.file_size} for info in epub.infolist()]
    texts = {info.filename: epub.read(info).decode("utf-8") for info in epub.infolist()
             if info.filename.endswith((".opf", ".xhtml", ".xml", ".css")) or info.filename == "mimetype"}
    if len(sys.argv) > 2:
        epub.extractall(sys.argv[2])
    print(json.dumps({"entries": entries, "texts": texts, "test": epub.testzip()}))
