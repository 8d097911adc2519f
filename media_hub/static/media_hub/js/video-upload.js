/* Resumable upload of a large video from the admin page "Grote video uploaden".
 *
 * The file goes straight to S3 in parts, through presigned URLs the server hands out;
 * the web process never sees the bytes. S3 itself remembers which parts arrived, so a
 * dropped connection or a reloaded page resumes by asking the server for that list.
 */
(() => {
  'use strict';

  const PARALLEL_PARTS = 3;
  const MAX_ATTEMPTS = 6;
  const SIGN_BATCH = 12;
  const URL_MAX_AGE_MS = 10 * 60 * 1000; // signed for 15 minutes; keep a margin for a slow part
  const STORE_PREFIX = 'media_hub.video-upload:';
  const STORE_MAX_AGE_MS = 24 * 60 * 60 * 1000; // the server aborts uploads older than a day

  const TEXT = {
    noFile: 'Kies eerst een videobestand.',
    starting: 'De upload wordt voorbereid…',
    resuming: 'De upload gaat verder waar hij gebleven was.',
    resumeHint: (name, size) =>
      `Er is een onderbroken upload van “${name}” (${size}). Kies hetzelfde bestand opnieuw om verder te gaan.`,
    progress: (percent, done, total) => `${percent}% — ${done} van ${total}`,
    retrying: (part) => `De verbinding hapert; deel ${part} wordt opnieuw geprobeerd…`,
    offline:
      'De verbinding is verbroken. De upload gaat vanzelf verder zodra je weer online bent, of klik op Hervatten; wat al binnen is, blijft bewaard.',
    checking: 'Alle delen zijn binnen; de video wordt gecontroleerd…',
    done: 'De video is geüpload en gecontroleerd.',
    paused: 'Gepauzeerd. Wat al binnen is, blijft bewaard.',
    cancelled: 'De upload is geannuleerd; er is niets bewaard.',
    confirmCancel: 'De upload annuleren? Wat al is geüpload, wordt weggegooid.',
    session:
      'Je sessie is verlopen of je mist rechten. Log opnieuw in en kies het bestand opnieuw om verder te gaan.',
    failed: 'Er ging iets mis bij de opslag. Probeer het over een paar minuten opnieuw.',
    editLink: 'Bewerk de video',
    pause: 'Pauzeren',
    resume: 'Hervatten',
    start: 'Uploaden',
    continue: 'Verder uploaden',
  };

  const form = document.querySelector('[data-video-upload]');
  if (!form) return;

  const fileInput = form.querySelector('input[type="file"]');
  const fields = form.querySelectorAll('input, select');
  const startButton = form.querySelector('[data-video-upload-start]');
  const startLabel = startButton.querySelector('[data-video-upload-label]');
  const pauseButton = form.querySelector('[data-video-upload-pause]');
  const cancelButton = form.querySelector('[data-video-upload-cancel]');
  const progressBox = form.querySelector('[data-video-upload-progress]');
  const progressBar = progressBox.querySelector('progress');
  const statusLine = form.querySelector('[data-video-upload-status]');
  const errorLine = form.querySelector('[data-video-upload-error]');
  const resumeHint = document.querySelector('[data-video-upload-resume]');
  const csrfToken = form.querySelector('[name="csrfmiddlewaretoken"]').value;
  const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

  let current = null; // the upload in progress, see newUpload()

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }

    get retryable() {
      return this.status >= 500 || this.status === 0;
    }
  }

  class Stopped extends Error {}

  /* --- Talking to the server ------------------------------------------------ */

  function uploadUrl(id, action = '') {
    return form.dataset.uploadUrl.replace(/0\/$/, `${id}/`) + (action ? `${action}/` : '');
  }

  async function api(method, url, data) {
    const headers = { Accept: 'application/json', 'X-CSRFToken': csrfToken, 'X-Requested-With': 'XMLHttpRequest' };
    if (data) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(url, { method, headers, credentials: 'same-origin', body: data && JSON.stringify(data) });
    } catch (error) {
      throw new ApiError(0, TEXT.offline);
    }
    const payload = await response.json().catch(() => ({}));
    if (!response.ok) throw new ApiError(response.status, payload.error || messageFor(response.status));
    return payload;
  }

  function messageFor(status) {
    return status === 403 || status === 401 ? TEXT.session : TEXT.failed;
  }

  /* --- Remembering uploads across reloads ------------------------------------ */

  function storeKey(file) {
    return STORE_PREFIX + [file.name, file.size, file.lastModified].join('|');
  }

  function remember(file, uploadId) {
    const record = { uploadId, name: file.name, size: file.size, lastModified: file.lastModified, savedAt: Date.now() };
    localStorage.setItem(storeKey(file), JSON.stringify(record));
  }

  function recall(file) {
    return savedUploads().find((record) => record.key === storeKey(file));
  }

  function forget(file) {
    localStorage.removeItem(storeKey(file));
  }

  function savedUploads() {
    const records = [];
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (!key.startsWith(STORE_PREFIX)) continue;
      try {
        records.push({ ...JSON.parse(localStorage.getItem(key)), key });
      } catch (error) {
        records.push({ key, savedAt: 0 });
      }
    }
    return records;
  }

  function showResumeHint() {
    const records = savedUploads().filter((record) => {
      const fresh = Date.now() - record.savedAt < STORE_MAX_AGE_MS;
      if (!fresh) localStorage.removeItem(record.key);
      return fresh;
    });
    resumeHint.hidden = records.length === 0;
    resumeHint.textContent = records.map((record) => TEXT.resumeHint(record.name, formatSize(record.size))).join(' ');
  }

  /* --- One upload ------------------------------------------------------------ */

  function newUpload(file, state) {
    return {
      id: state.id,
      file,
      partSize: state.part_size,
      partCount: state.part_count,
      done: new Set(state.parts.map((part) => part.number)),
      urls: new Map(),
      queue: [],
      signing: null,
      session: null,
    };
  }

  async function openUpload(file) {
    const saved = recall(file);
    if (saved) {
      const state = await api('GET', uploadUrl(saved.uploadId)).catch((error) => {
        if (error.status === 404 || error.status === 410) return null; // gone: start afresh
        throw error;
      });
      if (state && state.status === 'open') {
        say(TEXT.resuming);
        return newUpload(file, state);
      }
      forget(file);
    }
    say(TEXT.starting);
    const state = await api('POST', form.dataset.startUrl, {
      filename: file.name,
      size: file.size,
      collection: form.elements.collection.value,
      title: form.elements.title.value,
    });
    remember(file, state.id);
    return newUpload(file, { ...state, parts: [] });
  }

  function partRange(upload, part) {
    const start = (part - 1) * upload.partSize;
    return [start, Math.min(start + upload.partSize, upload.file.size)];
  }

  function bytesDone(upload) {
    let total = 0;
    upload.done.forEach((part) => {
      const [start, end] = partRange(upload, part);
      total += end - start;
    });
    return total;
  }

  async function partUrl(upload, part) {
    const signed = upload.urls.get(part);
    if (signed && Date.now() - signed.at < URL_MAX_AGE_MS) return signed.url;
    if (!upload.signing) {
      const parts = [part, ...upload.queue.slice(0, SIGN_BATCH - 1)];
      upload.signing = signParts(upload, parts).finally(() => {
        upload.signing = null;
      });
    }
    await upload.signing;
    return partUrl(upload, part);
  }

  async function signParts(upload, parts) {
    const { urls } = await api('POST', uploadUrl(upload.id, 'sign'), { parts });
    const at = Date.now();
    Object.entries(urls).forEach(([part, url]) => upload.urls.set(Number(part), { url, at }));
  }

  async function putPart(upload, part, session) {
    const url = await partUrl(upload, part);
    const [start, end] = partRange(upload, part);
    const controller = new AbortController();
    session.controllers.add(controller);
    try {
      const response = await fetch(url, { method: 'PUT', body: upload.file.slice(start, end), signal: controller.signal });
      if (response.status === 403) upload.urls.delete(part); // the signature expired: sign again
      if (!response.ok) throw new ApiError(response.status >= 500 || response.status === 403 ? 500 : response.status, TEXT.failed);
    } catch (error) {
      if (session.stopped) throw new Stopped();
      throw error instanceof ApiError ? error : new ApiError(0, TEXT.offline);
    } finally {
      session.controllers.delete(controller);
    }
  }

  async function sendPart(upload, part, session) {
    for (let attempt = 1; ; attempt += 1) {
      if (session.stopped) throw new Stopped();
      try {
        await putPart(upload, part, session);
        upload.done.add(part);
        showProgress(upload);
        return;
      } catch (error) {
        if (session.stopped) throw new Stopped();
        if (!(error instanceof ApiError) || !error.retryable || attempt >= MAX_ATTEMPTS) throw error;
        say(TEXT.retrying(part));
        await wait(Math.min(1000 * 2 ** (attempt - 1), 30000));
      }
    }
  }

  async function sendParts(upload, session) {
    upload.queue = [];
    for (let part = 1; part <= upload.partCount; part += 1) {
      if (!upload.done.has(part)) upload.queue.push(part);
    }
    const worker = async () => {
      while (upload.queue.length && !session.stopped) {
        await sendPart(upload, upload.queue.shift(), session);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_PARTS }, worker));
    if (session.stopped) throw new Stopped();
  }

  async function run(upload) {
    const session = { stopped: false, controllers: new Set() };
    upload.session = session;
    setRunning(true);
    try {
      for (let round = 0; round < 3; round += 1) {
        await sendParts(upload, session);
        say(TEXT.checking);
        try {
          return finish(upload, await api('POST', uploadUrl(upload.id, 'complete')));
        } catch (error) {
          if (error.status !== 409) throw error;
          await sync(upload); // S3 misses a part after all: send what is missing
        }
      }
      throw new ApiError(409, TEXT.failed);
    } catch (error) {
      if (!(error instanceof Stopped)) fail(upload, error);
    }
  }

  async function sync(upload) {
    const state = await api('GET', uploadUrl(upload.id));
    if (state.status === 'completed') {
      finish(upload, state); // the answer to "complete" got lost on the way back
      throw new Stopped();
    }
    if (state.status !== 'open') {
      forget(upload.file);
      throw new ApiError(410, state.message || TEXT.failed);
    }
    upload.done = new Set(state.parts.map((part) => part.number));
  }

  function stop(upload) {
    if (!upload.session) return;
    upload.session.stopped = true;
    upload.session.controllers.forEach((controller) => controller.abort());
  }

  /* --- Outcomes --------------------------------------------------------------- */

  function finish(upload, result) {
    forget(upload.file);
    current = null;
    progressBar.value = 100;
    setRunning(false);
    resetForm();
    statusLine.textContent = `${result.message || TEXT.done} `;
    const link = document.createElement('a');
    link.href = result.edit_url;
    link.textContent = TEXT.editLink;
    statusLine.append(link);
  }

  function fail(upload, error) {
    stop(upload);
    if (error.retryable) {
      pause(upload, error.message); // the network or S3 is away; what arrived stays
      return;
    }
    if (error.status === 400 || error.status === 410) forget(upload.file); // the server refused it for good
    current = null;
    setRunning(false);
    resetForm();
    showError(error.message);
  }

  function pause(upload, message = TEXT.paused) {
    stop(upload);
    upload.paused = true;
    pauseButton.textContent = TEXT.resume;
    say(message);
  }

  async function resume(upload) {
    upload.paused = false;
    pauseButton.textContent = TEXT.pause;
    showError('');
    try {
      await sync(upload);
    } catch (error) {
      if (!(error instanceof Stopped)) fail(upload, error);
      return;
    }
    showProgress(upload);
    run(upload);
  }

  async function cancel(upload) {
    if (!window.confirm(TEXT.confirmCancel)) return;
    stop(upload);
    current = null;
    forget(upload.file);
    try {
      await api('POST', uploadUrl(upload.id, 'abort'));
      say(TEXT.cancelled);
    } catch (error) {
      showError(error.message);
    }
    setRunning(false);
    resetForm();
  }

  /* --- The page ---------------------------------------------------------------- */

  function formatSize(bytes) {
    const units = ['KB', 'MB', 'GB', 'TB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit += 1;
    }
    return bytes < 1024 ? `${bytes} bytes` : `${number.format(value)} ${units[unit]}`;
  }

  function showProgress(upload) {
    const done = bytesDone(upload);
    const percent = upload.file.size ? Math.floor((done / upload.file.size) * 100) : 100;
    const text = TEXT.progress(percent, formatSize(done), formatSize(upload.file.size));
    progressBox.hidden = false;
    progressBar.value = percent;
    progressBar.setAttribute('aria-valuetext', text);
    // Announce every part would drown a screen reader; the live line speaks per ten percent.
    if (percent >= (upload.announced ?? -10) + 10 || percent === 100) {
      upload.announced = percent - (percent % 10);
      say(text);
    } else {
      statusLine.textContent = text;
    }
  }

  function say(text) {
    statusLine.textContent = text;
  }

  function showError(text) {
    errorLine.textContent = text;
  }

  function setRunning(running) {
    fields.forEach((field) => {
      field.disabled = running;
    });
    startButton.hidden = running;
    pauseButton.hidden = !running;
    cancelButton.hidden = !running;
  }

  function resetForm() {
    pauseButton.textContent = TEXT.pause;
    fileInput.value = '';
    startLabel.textContent = TEXT.start;
    showResumeHint();
  }

  function wait(ms) {
    return new Promise((resolve) => {
      setTimeout(resolve, ms);
    });
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError('');
    const file = fileInput.files[0];
    if (!file) {
      showError(TEXT.noFile);
      fileInput.focus();
      return;
    }
    startButton.disabled = true;
    try {
      current = await openUpload(file);
    } catch (error) {
      showError(error.message);
      return;
    } finally {
      startButton.disabled = false;
    }
    showProgress(current);
    run(current);
  });

  fileInput.addEventListener('change', () => {
    const file = fileInput.files[0];
    startLabel.textContent = file && recall(file) ? TEXT.continue : TEXT.start;
  });

  pauseButton.addEventListener('click', () => {
    if (!current) return;
    if (current.paused) resume(current);
    else pause(current);
  });

  cancelButton.addEventListener('click', () => {
    if (current) cancel(current);
  });

  window.addEventListener('online', () => {
    if (current && current.paused) resume(current);
  });

  window.addEventListener('beforeunload', (event) => {
    if (current && !current.paused) event.preventDefault();
  });

  showResumeHint();
})();
