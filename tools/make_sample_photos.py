"""Draw the samples' photos (illustrations standing in for a site's photos: a rooftop
photovoltaic array, an energy metering room, a park's wastewater plant) into the forms'
``photos/`` folders. Run with Pillow installed (a dev dependency):
``.venv/bin/python tools/make_sample_photos.py``. The files are kept in git."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent / "greendocs" / "forms"
SIZE = (800, 500)


def _sky(draw: ImageDraw.ImageDraw, top: tuple[int, int, int], bottom: tuple[int, int, int],
         height: int) -> None:
    for y in range(height):
        t = y / height
        draw.line([(0, y), (SIZE[0], y)], fill=tuple(int(a + (b - a) * t)
                                                     for a, b in zip(top, bottom, strict=True)))


def rooftop_pv() -> Image.Image:
    img = Image.new("RGB", SIZE)
    d = ImageDraw.Draw(img)
    _sky(d, (110, 160, 215), (200, 225, 240), 220)
    d.polygon([(0, 220), (800, 160), (800, 500), (0, 500)], fill=(150, 150, 145))
    for row in range(5):
        for col in range(9):
            x, y = 40 + col * 84, 250 + row * 46 - col * 5
            d.polygon([(x, y), (x + 76, y - 6), (x + 80, y + 34), (x + 4, y + 40)],
                      fill=(30, 50, 95), outline=(180, 190, 205))
            d.line([(x + 40, y - 3), (x + 42, y + 37)], fill=(90, 110, 150))
    return img


def metering_room() -> Image.Image:
    img = Image.new("RGB", SIZE, (225, 225, 220))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 380, 800, 500), fill=(120, 125, 130))
    for i in range(5):
        x = 40 + i * 150
        d.rectangle((x, 90, x + 130, 380), fill=(205, 210, 200), outline=(90, 90, 90), width=3)
        for j in range(3):
            y = 120 + j * 80
            d.rectangle((x + 20, y, x + 110, y + 50), fill=(40, 45, 50))
            d.rectangle((x + 30, y + 12, x + 80, y + 30), fill=(90, 200, 120))
            d.ellipse((x + 88, y + 15, x + 102, y + 29), fill=(220, 60, 50) if j == 1
                      else (60, 180, 80))
    return img


def wastewater_plant() -> Image.Image:
    img = Image.new("RGB", SIZE)
    d = ImageDraw.Draw(img)
    _sky(d, (150, 190, 225), (215, 230, 240), 200)
    d.rectangle((0, 200, 800, 500), fill=(120, 150, 95))
    for i, (x, y) in enumerate(((60, 250), (320, 240), (580, 255))):
        d.ellipse((x, y, x + 190, y + 120), fill=(85, 95, 100))
        d.ellipse((x + 12, y + 10, x + 178, y + 110), fill=(70, 120, 140 + 20 * i))
        d.line([(x + 95, y + 60), (x + 170, y + 30)], fill=(230, 230, 230), width=4)
    d.rectangle((300, 400, 520, 470), fill=(200, 200, 195), outline=(90, 90, 90))
    return img


if __name__ == "__main__":
    for folder, name, draw in (("factory", "rooftop-pv.jpg", rooftop_pv),
                               ("factory", "metering-room.jpg", metering_room),
                               ("park", "wastewater-plant.jpg", wastewater_plant)):
        target = ROOT / folder / "photos" / name
        target.parent.mkdir(exist_ok=True)
        draw().save(target, "JPEG", quality=80, optimize=True)
        print(f"wrote {target.relative_to(ROOT.parent.parent)}")
