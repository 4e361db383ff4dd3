// The jgym dashboard's access to the server's HTTP API (docs/http-api.md): JSON requests, files and
// frames as object URLs, and Server-Sent Events read through fetch, all carrying the token a server
// started with --token needs (kept in this browser's localStorage; a 401 shows the token form).
"use strict";

const TOKEN_KEY = "jgym.token";

/** Keeps the token for this server's later requests (empty: none). */
function saveToken(token) {
  localStorage.setItem(TOKEN_KEY, token);
}

function authHeaders() {
  const token = localStorage.getItem(TOKEN_KEY);
  return token ? { "Authorization": "Bearer " + token } : {};
}

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

async function api(path, options = {}) {
  const init = { method: options.method || "GET", headers: authHeaders() };
  if (options.body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.body);
  }
  const res = await fetch(path, init);
  if (res.status === 401) {
    document.getElementById("token-form").hidden = false;
  }
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, json && json.message ? json.message : "HTTP " + res.status);
  return json;
}

/** A file of a run (or a frame) as an object URL, fetched with the token. */
async function blobUrl(path) {
  const res = await fetch(path, { headers: authHeaders() });
  if (!res.ok) throw new ApiError(res.status, "HTTP " + res.status + " for " + path);
  return URL.createObjectURL(await res.blob());
}

/**
 * Follows a Server-Sent Events stream through fetch (so the token travels in a header), calling
 * onEvent(type, data) per event and onError(error) if it fails; returns a function that stops it.
 */
function follow(path, onEvent, onError) {
  const controller = new AbortController();
  (async () => {
    const res = await fetch(path, { headers: authHeaders(), signal: controller.signal });
    if (!res.ok) throw new ApiError(res.status, "HTTP " + res.status);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let type = "message", data = null;
        for (const line of block.split("\n")) {
          if (line.startsWith("event: ")) type = line.slice(7);
          else if (line.startsWith("data: ")) data = line.slice(6);
        }
        if (data !== null) onEvent(type, JSON.parse(data));
      }
    }
  })().catch(e => { if (e.name !== "AbortError") onError(e); });
  return () => controller.abort();
}
