/*
 * Video player enhancements; the native controls work without this file.
 * - Chapter buttons ([data-seek]) seek the player they belong to and start playing.
 * - With the video focused: k plays/pauses (space does so natively), left/right go
 *   back/forward 5 s.
 * - The chapter being played gets aria-current="true".
 * - Where the browser does not play the HLS <source> itself, the vendored hls.js (loaded
 *   only then) plays the adaptive stream; if that fails too, the MP4 <source> stays.
 * - A live HLS stream the browser cannot play itself shows the link to open it elsewhere.
 */
(function () {
  "use strict";

  var STEP_SECONDS = 5;

  function chapterButtons(player) {
    return Array.prototype.slice.call(player.querySelectorAll("[data-seek]"));
  }

  function togglePlay(video) {
    if (video.paused || video.ended) {
      play(video);
    } else {
      video.pause();
    }
  }

  function play(video) {
    var result = video.play();
    if (result && result.catch) {
      result.catch(function () {}); // refused by the browser; the controls stay usable
    }
  }

  function seek(video, seconds) {
    var end = isFinite(video.duration) ? video.duration : Infinity;
    video.currentTime = Math.max(0, Math.min(seconds, end));
  }

  function markCurrentChapter(video, buttons) {
    var current = null;
    buttons.forEach(function (button) {
      if (Number(button.dataset.seek) <= video.currentTime + 0.25) {
        current = button;
      }
    });
    buttons.forEach(function (button) {
      if (button === current) {
        button.setAttribute("aria-current", "true");
      } else {
        button.removeAttribute("aria-current");
      }
    });
  }

  // Space is left to the browser: every current one plays and pauses a focused video
  // itself, and taking it over would break the space bar on the native control buttons.
  // Listened to in the capture phase on the player, before the native controls see it.
  function onKeydown(event, video) {
    if (event.target !== video || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (event.key === "k" || event.key === "K") {
      togglePlay(video);
    } else if (event.key === "ArrowLeft") {
      seek(video, video.currentTime - STEP_SECONDS);
    } else if (event.key === "ArrowRight") {
      seek(video, video.currentTime + STEP_SECONDS);
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  var hlsLibrary = null;

  function loadHlsLibrary(src) {
    hlsLibrary = hlsLibrary || new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () { resolve(window.Hls); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return hlsLibrary;
  }

  // The browser tried the HLS <source> first. Where it plays it (Safari, iOS) nothing changes;
  // where it fell back to the MP4, hls.js takes over if Media Source Extensions exist.
  function preferAdaptive(video) {
    if (!video.dataset.hlsSrc || !window.MediaSource) {
      return;
    }
    var hlsUrl = new URL(video.dataset.hlsSrc, document.baseURI).href;
    var decide = function () {
      if (video.currentSrc !== hlsUrl) {
        attachHls(video);
      }
    };
    if (video.readyState >= HTMLMediaElement.HAVE_METADATA) {
      decide();
    } else {
      video.addEventListener("loadedmetadata", decide, { once: true });
    }
  }

  // hls.js replaces the element's source: keep the position and play state of the MP4 so far.
  function attachHls(video) {
    loadHlsLibrary(video.dataset.hlsScript).then(function (Hls) {
      if (!Hls || !Hls.isSupported()) {
        return;
      }
      var resumeAt = video.currentTime;
      var wasPlaying = !video.paused;
      var hls = new Hls({ capLevelToPlayerSize: true, startPosition: resumeAt });
      hls.on(Hls.Events.MANIFEST_PARSED, function () {
        if (wasPlaying) {
          play(video);
        }
      });
      hls.on(Hls.Events.ERROR, function (event, data) {
        if (data.fatal) {
          hls.destroy();
          video.removeAttribute("src");
          video.load(); // back to the MP4 <source>
        }
      });
      hls.loadSource(video.dataset.hlsSrc);
      hls.attachMedia(video);
    }).catch(function () {}); // the MP4 keeps playing
  }

  function offerHlsFallback(player, video) {
    var fallback = player.querySelector("[data-hls-fallback]");
    if (fallback && !video.canPlayType("application/vnd.apple.mpegurl")) {
      fallback.hidden = false;
    }
  }

  function enhance(player) {
    var video = player.querySelector("video");
    if (!video) {
      return;
    }
    if (video.hasAttribute("data-hls")) {
      offerHlsFallback(player, video);
    } else {
      preferAdaptive(video);
    }
    var buttons = chapterButtons(player);
    var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

    player.addEventListener("keydown", function (event) { onKeydown(event, video); }, true);
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        seek(video, Number(button.dataset.seek));
        play(video);
        markCurrentChapter(video, buttons);
        video.scrollIntoView({ block: "nearest", behavior: reduceMotion ? "auto" : "smooth" });
      });
    });
    if (buttons.length) {
      video.addEventListener("timeupdate", function () {
        markCurrentChapter(video, buttons);
      });
    }
  }

  document.querySelectorAll("[data-player]").forEach(enhance);
})();
