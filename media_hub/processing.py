"""Turn a video's source into what players fetch: an HLS ladder, a progressive MP4 and a poster.

One FFmpeg process per job decodes the source once and encodes every rung once;
the tee muxer writes the largest rung up to 720p both as HLS segments and as the
fast-start MP4. Everything is built in a temporary folder and uploaded under
prefixes of this attempt only; ``tasks`` decides when the video switches to them.
"""

import functools
import os
import re
import subprocess
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from subprocess import DEVNULL, PIPE

from django.core.files.images import ImageFile

from wagtail.images.models import Image

import av
import imageio_ffmpeg
from botocore.exceptions import ClientError

from .bucket import attempt_prefixes, s3, storage_errors
from .probe import NotAVideo, VideoInfo, probe_video

LADDER = (360, 720, 1080)
MP4_MAX_HEIGHT = 720
SEGMENT_SECONDS = 4
# Peak bit rates that cap x264's constant quality, per rung height and below.
MAX_BITRATES = {360: 1_000_000, 720: 3_000_000, 1080: 6_000_000}
AUDIO_BITRATE = 128_000
ENCODER_OPTIONS = {"libx264": ["-preset", "veryfast", "-crf", "21"], "libopenh264": []}
DOWNLOAD_SHARE, TRANSCODE_SHARE = 5, 85  # percent of the progress bar; the upload gets the rest but 1
UPLOAD_THREADS = 8
CONTENT_TYPES = {".m3u8": "application/vnd.apple.mpegurl", ".ts": "video/mp2t", ".mp4": "video/mp4"}


class SourceMissing(Exception):
    message = "Het bronbestand ontbreekt in de opslag; upload de video opnieuw."


class TranscodeFailed(Exception):
    """FFmpeg stopped with an error that the probe did not foresee."""


@dataclass
class Outputs:
    info: VideoInfo
    renditions: list
    master_key: str
    mp4_key: str
    poster: Path


# --- The job ------------------------------------------------------------------


def build_outputs(video, attempt, folder, report):
    """Download, probe, transcode and upload; ``report(percent)`` is called throughout."""
    storage = video.file.storage
    source = download_source(video, folder, report)
    info = probe_source(source)
    heights = plan_ladder(info.height)
    transcode(source, folder, heights, info, report)
    renditions = [describe_rung(folder, height, bool(info.audio_codec)) for height in heights]
    (folder / "hls" / "master.m3u8").write_text(master_playlist(renditions))
    prefixes = attempt_prefixes(video, attempt)
    with storage_errors():
        upload_outputs(storage, folder, prefixes, report)
    for rung in renditions:
        rung["playlist"] = f"{prefixes['hls']}{rung['height']}/index.m3u8"
    master, mp4 = f"{prefixes['hls']}master.m3u8", f"{prefixes['mp4']}video.mp4"
    return Outputs(info, renditions, master, mp4, folder / "poster.jpg")


def download_source(video, folder, report):
    """Stream the source to disk in chunks; a multi-GB file never sits in memory."""
    if not video.file.name:
        raise SourceMissing(SourceMissing.message)
    client, bucket = s3(video.file.storage)
    target = folder / ("source" + PurePosixPath(video.file.name).suffix.lower())
    with storage_errors():
        response = get_source_object(client, bucket, video.file.name)
        size, done = response["ContentLength"] or 1, 0
        with target.open("wb") as out:
            for chunk in response["Body"].iter_chunks(1024 * 1024):
                done += out.write(chunk)
                report(DOWNLOAD_SHARE * done / size)
    return target


def get_source_object(client, bucket, key):
    try:
        return client.get_object(Bucket=bucket, Key=key)
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
            raise SourceMissing(SourceMissing.message) from error
        raise


def probe_source(path):
    if path.stat().st_size == 0:
        raise NotAVideo("Het bestand is leeg.")
    return probe_video(path)


def plan_ladder(source_height):
    """The rungs of LADDER up to the source's height; a smaller source gets one rung of its own."""
    return [height for height in LADDER if height <= source_height] or [source_height - source_height % 2]


# --- FFmpeg -------------------------------------------------------------------


def ffmpeg_exe():
    return imageio_ffmpeg.get_ffmpeg_exe()


@functools.cache
def h264_encoder():
    """libx264 when the bundled FFmpeg has it, else OpenH264 (both ship in imageio-ffmpeg's builds)."""
    listing = subprocess.run(
        [ffmpeg_exe(), "-hide_banner", "-encoders"], capture_output=True, text=True
    ).stdout
    available = [name for name in ENCODER_OPTIONS if re.search(rf"^\s*V\S*\s+{name}\s", listing, re.M)]
    if not available:
        raise TranscodeFailed("De meegeleverde FFmpeg kan geen H.264 maken.")
    return available[0]


def transcode(source, folder, heights, info, report):
    for height in heights:
        (folder / "hls" / str(height)).mkdir(parents=True)
    (folder / "mp4").mkdir()
    share = TRANSCODE_SHARE / (info.duration * 1_000_000)
    command = ffmpeg_command(source, heights, info)
    run_ffmpeg(
        command, folder, lambda done_us: report(DOWNLOAD_SHARE + min(TRANSCODE_SHARE, done_us * share))
    )


def run_ffmpeg(command, folder, on_progress):
    """Run FFmpeg in ``folder`` and pass on each ``out_time_us`` it reports; it dies with its caller."""
    with (folder / "ffmpeg.log").open("w+") as log:
        process = subprocess.Popen(command, cwd=folder, stdin=DEVNULL, stdout=PIPE, stderr=log, text=True)
        try:
            for line in process.stdout:
                key, _, value = line.strip().partition("=")
                if key == "out_time_us" and value.isdigit():
                    on_progress(int(value))
        except BaseException:
            process.kill()
            raise
        finally:
            process.wait()
        if process.returncode:
            log.seek(0)
            raise TranscodeFailed(f"FFmpeg kon de video niet omzetten: {first_error(log.read())}")


def first_error(text):
    """FFmpeg names the cause first; later lines only repeat that it failed."""
    lines = [re.sub(r"^\[[^]]*\]\s*", "", line).strip() for line in text.splitlines()]
    return next((line[:300] for line in lines if line), "onbekende fout")


def ffmpeg_command(source, heights, info):
    """One decode, one encode per rung, HLS for all and the MP4 through the tee muxer, and a poster."""
    encoder, has_audio = h264_encoder(), bool(info.audio_codec)
    threads = str(max(2, (os.cpu_count() or 2) // len(heights)))
    command = [ffmpeg_exe(), *"-hide_banner -nostdin -nostats -loglevel error -progress pipe:1 -y".split()]
    command += ["-i", str(source), "-filter_complex", ladder_filter(heights)]
    for index, height in enumerate(heights):
        command += ["-map", f"[v{height}]", *(["-map", "0:a:0"] if has_audio else [])]
        command += rate_options(encoder, index, height)
    command += ["-c:v", encoder, *ENCODER_OPTIONS[encoder], "-profile:v", "high", "-threads", threads]
    command += ["-force_key_frames", f"expr:gte(t,n_forced*{SEGMENT_SECONDS})"]
    if has_audio:
        command += ["-c:a", "aac", "-b:a", str(AUDIO_BITRATE), "-ac", "2"]
    # The MP4 needs the codec headers up front; the TS muxer repeats them before each keyframe.
    command += ["-flags", "+global_header", "-f", "tee", tee_outputs(heights, has_audio)]
    command += ["-map", "0:v:0", "-ss", f"{info.duration * 0.1:.3f}", "-frames:v", "1", "-update", "1"]
    return command + ["-vf", "scale='min(1920,iw)':-2", "-q:v", "3", "poster.jpg"]


def ladder_filter(heights):
    branches = "".join(f"[s{index}]" for index in range(len(heights)))
    scales = [
        f"[s{index}]scale=-2:{height},format=yuv420p[v{height}]" for index, height in enumerate(heights)
    ]
    return f"[0:v:0]split={len(heights)}{branches};" + ";".join(scales)


def max_bitrate(height):
    return next((rate for top, rate in MAX_BITRATES.items() if height <= top), MAX_BITRATES[LADDER[-1]])


def rate_options(encoder, index, height):
    rate = max_bitrate(height)
    options = [f"-maxrate:v:{index}", str(rate), f"-bufsize:v:{index}", str(2 * rate)]
    if encoder != "libx264":  # no constant-quality mode: aim below the cap
        options += [f"-b:v:{index}", str(rate * 3 // 4)]
    return options


def tee_outputs(heights, has_audio):
    """The tee muxer's spec; options with ':' are quoted for its second round of parsing."""
    streams = [f"v:{index},a:{index}" if has_audio else f"v:{index}" for index in range(len(heights))]
    stream_map = " ".join(f"{spec},name:{height}" for spec, height in zip(streams, heights, strict=True))
    hls = [f"f=hls:hls_time={SEGMENT_SECONDS}:hls_playlist_type=vod:hls_flags=independent_segments"]
    hls += [rf"var_stream_map=\'{stream_map}\'", "hls_segment_filename=hls/%v/seg_%05d.ts"]
    # The lowest rung is at most 360p, so there is always one for the MP4.
    mp4_index = max(index for index, height in enumerate(heights) if height <= MP4_MAX_HEIGHT)
    mp4 = [rf"select=\'{streams[mp4_index]}\'", "f=mp4", "movflags=+faststart"]
    return f"[{':'.join(hls)}]hls/%v/index.m3u8|[{':'.join(mp4)}]mp4/video.mp4"


# --- Describing and uploading the outputs -------------------------------------


def segments_of(playlist_text):
    """(duration, uri) for each segment of a media playlist."""
    pairs, duration = [], None
    for line in playlist_text.splitlines():
        if line.startswith("#EXTINF:"):
            duration = float(line[8:].split(",")[0])
        elif line and not line.startswith("#"):
            pairs.append((duration or 0.0, line))
    return pairs


def describe_rung(folder, height, has_audio):
    """Measured, not assumed: peak and average bit rate from the segments, size and profile from the stream."""
    playlist = folder / "hls" / str(height) / "index.m3u8"
    segments = segments_of(playlist.read_text())
    sizes = [(playlist.parent / uri).stat().st_size * 8 for _, uri in segments]
    seconds = sum(duration for duration, _ in segments) or 1.0
    width, codecs = inspect_segment(playlist.parent / segments[0][1])
    return {
        "height": height,
        "width": width,
        "bandwidth": peak_bitrate(sizes, [duration for duration, _ in segments]),
        "average_bandwidth": int(sum(sizes) / seconds),
        "codecs": f"{codecs},mp4a.40.2" if has_audio else codecs,
    }


def peak_bitrate(sizes, durations):
    # A short closing segment would overstate the peak: count each segment as a second at least.
    return int(max(bits / max(duration, 1.0) for bits, duration in zip(sizes, durations, strict=True)))


def inspect_segment(path):
    """Width and the RFC 6381 ``avc1.PPCCLL`` code, read from the sequence parameter set."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        packet = next(packet for packet in container.demux(stream) if packet.size)
        sps = re.search(rb"\x00\x00\x01[\x27\x47\x67](...)", bytes(packet), re.S)
        return stream.codec_context.width, "avc1." + (sps[1].hex() if sps else "640028")


def master_playlist(renditions):
    lines = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-INDEPENDENT-SEGMENTS"]
    for rung in sorted(renditions, key=lambda rung: rung["bandwidth"]):
        lines.append(
            f"#EXT-X-STREAM-INF:BANDWIDTH={rung['bandwidth']},AVERAGE-BANDWIDTH={rung['average_bandwidth']},"
            f'RESOLUTION={rung["width"]}x{rung["height"]},CODECS="{rung["codecs"]}"'
        )
        lines.append(f"{rung['height']}/index.m3u8")
    return "\n".join(lines) + "\n"


def output_files(folder, prefixes):
    hls = sorted(path for path in (folder / "hls").rglob("*") if path.is_file())
    files = [(path, prefixes["hls"] + path.relative_to(folder / "hls").as_posix()) for path in hls]
    return files + [(folder / "mp4" / "video.mp4", prefixes["mp4"] + "video.mp4")]


def upload_outputs(storage, folder, prefixes, report):
    """Upload in parallel; the heartbeat keeps beating while a large MP4 is on its way."""
    client, bucket = s3(storage)
    files = output_files(folder, prefixes)
    share = 100 - DOWNLOAD_SHARE - TRANSCODE_SHARE - 1
    pool = ThreadPoolExecutor(UPLOAD_THREADS)
    try:
        pending = {
            pool.submit(client.upload_file, str(path), bucket, key, ExtraArgs=object_options(path))
            for path, key in files
        }
        while pending:
            finished, pending = wait(pending, timeout=1, return_when=FIRST_COMPLETED)
            for future in finished:
                future.result()
            report(DOWNLOAD_SHARE + TRANSCODE_SHARE + share * (len(files) - len(pending)) / len(files))
    finally:
        pool.shutdown(cancel_futures=True)


def object_options(path):
    # Attempt prefixes are never rewritten, so browsers may keep what they fetched.
    return {"ContentType": CONTENT_TYPES[path.suffix], "CacheControl": "private, max-age=86400"}


def save_poster(video, path):
    """The generated still as a Wagtail image in the video's collection; editors may replace it."""
    with path.open("rb") as handle, storage_errors():
        image = Image(
            title=f"{video.title} (stilstaand beeld)"[:255],
            collection=video.collection,
            uploaded_by_user=video.uploaded_by_user,
            file=ImageFile(handle, name=f"{video.key.hex}-poster.jpg"),
        )
        image._set_image_file_metadata()
        image.save()
    return image
