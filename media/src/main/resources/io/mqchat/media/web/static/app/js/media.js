// Images over the media endpoint (docs/PROTOCOL.md, "Images"): upload with progress, download with the token.

const DOWNLOAD_ATTEMPTS = 5;

/**
 * Uploads a file; onProgress gets a fraction 0..1. Resolves with the media reference for the message, rejects with
 * an Error whose message is the server's explanation.
 */
export function upload(file, token, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/media');
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    xhr.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON: answered below */ }
      if ((xhr.status === 200 || xhr.status === 201) && body) resolve(body);
      else reject(new Error(body && body.message ? body.message : `upload failed (${xhr.status})`));
    });
    xhr.addEventListener('error', () => reject(new Error('the upload failed: no connection')));
    xhr.send(file);
  });
}

/**
 * The full image as a blob URL (revoke it when done). The archive records a message beside delivering it, so a
 * download right after the message arrived may get 404 for a moment: retried a few times.
 */
export async function download(mediaId, token) {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`/media/${encodeURIComponent(mediaId)}`, { headers: { Authorization: `Bearer ${token}` } });
    if (response.ok) return URL.createObjectURL(await response.blob());
    if (response.status !== 404 || attempt >= DOWNLOAD_ATTEMPTS) {
      throw new Error(response.status === 404 ? 'this image is no longer available' : `download failed (${response.status})`);
    }
    await new Promise((r) => setTimeout(r, 1000 * attempt));
  }
}
