"""Read what a media file really is with FFmpeg's libraries (PyAV), not by its name."""

from dataclasses import dataclass

import av

MAX_DIMENSION = 8192  # 8K; anything larger is not a video an editor meant to upload


class NotAVideo(ValueError):
    """The file is not a playable video; the message is shown to the editor."""


@dataclass
class VideoInfo:
    duration: float
    width: int
    height: int
    video_codec: str
    audio_codec: str
    bit_rate: int | None


def probe_video(path):
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            video = next(iter(container.streams.video), None)
            audio = next(iter(container.streams.audio), None)
            if video is None:
                raise NotAVideo("Dit bestand bevat geen videobeeld.")
            width, height = video.codec_context.width, video.codec_context.height
            if not width or not height:
                raise NotAVideo("De afmetingen van het beeld zijn onleesbaar.")
            if width > MAX_DIMENSION or height > MAX_DIMENSION:
                raise NotAVideo(f"Het beeld is {width}×{height} pixels; het maximum is {MAX_DIMENSION}.")
            duration = _duration(container, video)
            if not duration or duration <= 0:
                raise NotAVideo("De duur van de video is onleesbaar; is het bestand compleet?")
            _decode_first_frame(container, video)
            _check_complete(container, video, duration)
            return VideoInfo(
                duration=duration,
                width=width,
                height=height,
                video_codec=video.codec_context.name or "",
                audio_codec=audio.codec_context.name if audio else "",
                bit_rate=container.bit_rate or None,
            )
    except NotAVideo:
        raise
    except (av.FFmpegError, OSError, ValueError, StopIteration) as error:
        raise NotAVideo("Dit bestand is geen leesbare video.") from error


def _duration(container, stream):
    if container.duration:
        return container.duration / av.time_base
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    return None


def _check_complete(container, stream, duration):
    """The index up front may promise more than the file holds: read the last stretch and see it arrive."""
    start = (container.start_time or 0) / av.time_base
    container.seek(int((start + duration) / stream.time_base), stream=stream, backward=True)
    end = start
    for packet in container.demux():
        if packet.pts is not None and packet.size:
            end = max(end, float((packet.pts + (packet.duration or 0)) * packet.time_base))
    if end - start < duration - max(0.5, duration * 0.02):
        raise NotAVideo("Het einde van de video ontbreekt; is het bestand compleet?")


def _decode_first_frame(container, stream):
    """A header alone is not a video: at least one picture must decode."""
    for frame in container.decode(stream):
        return frame
    raise NotAVideo("Er is geen enkel beeld uit de video te lezen; is het bestand compleet?")
