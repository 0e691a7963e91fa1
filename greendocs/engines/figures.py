"""A narrative's tables and photos in one render, whatever the format: their numbers (表N,
图N, through the document), each photo's file in the package and its printed size."""

from __future__ import annotations

from typing import Any

import attrs

from ..errors import OutputError
from ..types.images import check_image
from ..types.narrative import Block, NarrativeImage, NarrativeTable

#: a photo is at most this share of the text's height (a portrait photo at full width
#: would fill more than the page)
MAX_PHOTO_HEIGHT = 0.6


@attrs.frozen
class Photo:
    """A photo as placed: its number, its part in the package, its printed size (mm)."""

    number: int
    part: str
    width_mm: float
    height_mm: float


class Figures:
    """The tables and photos of one render, in a text *text_box* (width, height: mm) wide
    and high; photos go into the package's *folder* (``media``, ``Pictures``)."""

    __slots__ = ("folder", "images", "tables", "text_box")

    def __init__(self, text_box: tuple[float, float], folder: str) -> None:
        self.text_box = text_box
        self.folder = folder
        self.tables = 0
        #: (part name, bytes, content type) of each photo, in order
        self.images: list[tuple[str, bytes, str]] = []

    def caption(self, block: Block) -> str:
        """表N caption (numbering the table) or 图N caption (the last photo's number)."""
        if isinstance(block, NarrativeTable):
            self.tables += 1
            return f"表{self.tables}　{block.caption}".rstrip("　")
        if isinstance(block, NarrativeImage):
            return f"图{len(self.images)}　{block.caption}"
        return str(block)

    def photo(self, image: Any) -> Photo | None:
        """*image* placed: its file added to the package, its printed size — its width
        (the text's at most, the text's when not given) and height by its proportions, at
        most :data:`MAX_PHOTO_HEIGHT` of the text's (the width shrunk with it)."""
        if not isinstance(image, NarrativeImage):
            return None
        if not image.data:
            raise OutputError(f"image {image.path}: its file was not read; load the input "
                              "with load_file (which reads images next to it) or give the "
                              "image's data", zh=f"图片{image.path}未读取")
        info = check_image(image.data, f"image {image.path}")
        number = len(self.images) + 1
        part = f"{self.folder}/gdimage{number}.{info.extension}"
        self.images.append((part, image.data, info.content_type))
        full, height = self.text_box
        width = min(full, float(image.width_mm)) if image.width_mm else full
        tall = width * info.height / info.width
        if tall > height * MAX_PHOTO_HEIGHT:
            width, tall = width * height * MAX_PHOTO_HEIGHT / tall, height * MAX_PHOTO_HEIGHT
        return Photo(number, part, width, tall)
