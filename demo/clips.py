"""Short H.264/AAC test clips standing in for the real episodes and the webcast.

FFmpeg comes from imageio-ffmpeg. Titles are drawn with Pillow and overlaid,
so no font or fontconfig set-up is needed on the machine. Finished clips are
cached by a digest of what they show.
"""

import functools
import hashlib
import json
import os
import subprocess
import tempfile
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path

import imageio_ffmpeg
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 640, 360
GENERATOR_VERSION = 2  # bump when the picture or the encoding changes
H264_ENCODERS = ("libx264", "libopenh264")
DEMO_LABEL = "DEMOCLIP · TESTBEELD"


@dataclass(frozen=True)
class ClipSpec:
    """What a clip shows: a title, and a caption per chapter from its start second."""

    slug: str
    title: str
    duration: int
    captions: tuple[tuple[int, str], ...]

    @property
    def digest(self):
        data = json.dumps([GENERATOR_VERSION, asdict(self)], sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(data.encode()).hexdigest()[:10]

    @property
    def file_name(self):
        return f"{self.slug}-{self.digest}.mp4"


def ensure_clip(spec, directory):
    """The clip for ``spec`` in ``directory``, made once; later calls reuse the file."""
    directory = Path(directory)
    path = directory / spec.file_name
    if path.exists():
        return path
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=directory) as tmp:
        cards = [
            draw_card(spec.title, caption, Path(tmp) / f"card-{i}.png")
            for i, (_, caption) in enumerate(spec.captions)
        ]
        partial = Path(tmp) / spec.file_name
        subprocess.run(ffmpeg_command(spec, cards, partial), check=True, capture_output=True)
        os.replace(partial, path)  # a crash never leaves a half-written clip in the cache
    return path


def ffmpeg_command(spec, cards, output):
    d = spec.duration
    command = [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y"]
    command += ["-f", "lavfi", "-i", f"testsrc2=size={WIDTH}x{HEIGHT}:rate=25:duration={d}"]
    command += ["-f", "lavfi", "-i", f"sine=frequency=440:sample_rate=48000:duration={d}"]
    for card in cards:
        command += ["-i", str(card)]
    command += ["-filter_complex", overlay_filter(spec), "-map", "[v]", "-map", "1:a", *encoder_options()]
    command += ["-c:a", "aac", "-b:a", "96k", "-pix_fmt", "yuv420p", "-movflags", "+faststart"]
    return command + ["-t", str(d), str(output)]


def overlay_filter(spec):
    """Each caption card covers the picture from its start to the next caption's start."""
    ends = [start for start, _ in spec.captions[1:]] + [spec.duration]
    steps, previous = [], "0:v"
    for i, ((start, _), end) in enumerate(zip(spec.captions, ends, strict=True)):
        steps.append(f"[{previous}][{i + 2}:v]overlay=0:0:enable='gte(t,{start})*lt(t,{end})'[o{i}]")
        previous = f"o{i}"
    return ";".join(steps + [f"[{previous}]format=yuv420p[v]"])


@functools.cache
def h264_encoder():
    listing = subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-encoders"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    available = {line.split()[1] for line in listing.splitlines() if len(line.split()) > 1}
    for name in H264_ENCODERS:
        if name in available:
            return name
    raise RuntimeError("This FFmpeg build has no H.264 encoder.")


def encoder_options():
    encoder = h264_encoder()
    if encoder == "libx264":
        return ["-c:v", "libx264", "-preset", "superfast", "-crf", "30", "-profile:v", "main", "-g", "50"]
    return ["-c:v", encoder, "-b:v", "600k", "-g", "50"]


def draw_card(title, caption, path):
    """A transparent 640×360 card: a demo label top right, title and caption in a band below."""
    card = Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
    draw = ImageDraw.Draw(card)
    label_font = font_fitting(draw, DEMO_LABEL, 18)
    # Top right, so the test pattern's clock top left stays visible.
    label_left = WIDTH - 24 - draw.textlength(DEMO_LABEL, font=label_font)
    draw.rectangle((label_left - 12, 0, WIDTH, 34), fill=(0, 0, 0, 170))
    draw.text((label_left, 8), DEMO_LABEL, font=label_font, fill="white")
    draw.rectangle((0, HEIGHT - 110, WIDTH, HEIGHT - 20), fill=(0, 0, 0, 190))
    lines = ((title, HEIGHT - 100, 30, "white"), (caption, HEIGHT - 56, 24, (255, 214, 102)))
    for text, top, size, colour in lines:
        font = font_fitting(draw, text, size)
        draw.text((20, top), drawable(text, font), font=font, fill=colour)
    card.save(path)
    return path


def font_fitting(draw, text, size, width=WIDTH - 40):
    """A font at ``size``, smaller until ``text`` fits in ``width``."""
    while True:
        font = load_font(size)
        if size <= 10 or draw.textlength(text, font=font) <= width:
            return font
        size -= 1


@functools.cache
def load_font(size):
    """DejaVu Sans where installed (it has â for Fryslân); else Pillow's built-in font."""
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def drawable(text, font):
    """Pillow's built-in font lacks accented letters: fold them to plain ones there."""
    if isinstance(font, ImageFont.FreeTypeFont) and "DejaVu" in (font.getname()[0] or ""):
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
