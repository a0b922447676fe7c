//! The web side: making, downloading and closing rooms, the join QR code, the WebSocket
//! upgrade, and the built app's files with the same strict headers as `scripts/serve.mjs`.

use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path as UrlPath, State, WebSocketUpgrade};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use leidraad::live::{Live, Problem};
use tokio::sync::oneshot;

use crate::room::Cmd;
use crate::store::Write;
use crate::ws::{normalise_code, CODE_ALPHABET, CODE_LEN};
use crate::{now, Shared};

/// The policy the app is built to run under (the same as `scripts/serve.mjs`).
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/// The header carrying a room's facilitator or table key.
const KEY_HEADER: &str = "x-room-key";

pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/live/rooms", post(create))
        .route("/live/rooms/{code}", axum::routing::delete(close))
        .route("/live/rooms/{code}/file", get(file))
        .route("/live/rooms/{code}/qr.svg", get(qr))
        .route("/live/ws", get(socket))
        .fallback(get(static_file))
        .layer(DefaultBodyLimit::max(leidraad::format::MAX_BYTES))
        .with_state(shared)
}

/// A refusal as JSON, `{"problem": "unknown_room"}`, with the fitting status.
fn refused(status: StatusCode, problem: Problem) -> Response {
    (status, Json(serde_json::json!({ "problem": problem }))).into_response()
}

fn status_of(problem: Problem) -> StatusCode {
    match problem {
        Problem::UnknownRoom | Problem::Closed => StatusCode::NOT_FOUND,
        Problem::WrongKey => StatusCode::FORBIDDEN,
        Problem::TooManyJoins | Problem::Flood => StatusCode::TOO_MANY_REQUESTS,
        Problem::ServerFull | Problem::RoomFull => StatusCode::SERVICE_UNAVAILABLE,
        Problem::BadFrame | Problem::NotJoined => StatusCode::BAD_REQUEST,
    }
}

/// Random bytes from the operating system.
fn random<const N: usize>() -> Option<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes).ok()?;
    Some(bytes)
}

/// A long random key (256 bits, hex).
fn new_key() -> Option<String> {
    Some(random::<32>()?.iter().map(|b| format!("{b:02x}")).collect())
}

/// `POST /live/rooms`: a new room, empty or from the workshop file in the body.
async fn create(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    body: Bytes,
) -> Response {
    if !shared.may_join(addr.ip()) {
        return refused(StatusCode::TOO_MANY_REQUESTS, Problem::TooManyJoins);
    }
    let workshop = if body.iter().all(u8::is_ascii_whitespace) {
        leidraad::workshop::Workshop::default()
    } else {
        let text = String::from_utf8_lossy(&body);
        match leidraad::format::from_json(&text) {
            Ok(w) => w,
            Err(e) => {
                return (
                    StatusCode::BAD_REQUEST,
                    Json(serde_json::json!({ "problem": "bad_file", "detail": e.to_string() })),
                )
                    .into_response()
            }
        }
    };
    match shared.store.count().await {
        Ok(n) if n < shared.config.max_rooms => {}
        Ok(_) => return refused(StatusCode::SERVICE_UNAVAILABLE, Problem::ServerFull),
        Err(e) => return failed(e),
    }
    let state = match serde_json::to_string(&Live::new(workshop)) {
        Ok(s) => s,
        Err(e) => return failed(e.to_string()),
    };
    for _ in 0..8 {
        let (Some(bytes), Some(key), Some(table_key)) = (random::<CODE_LEN>(), new_key(), new_key()) else {
            return failed("no random numbers".into());
        };
        let code: String = bytes.iter().map(|b| CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()] as char).collect();
        match shared.store.load(&code).await {
            Ok(None) => {}
            Ok(Some(_)) => continue,
            Err(e) => return failed(e),
        }
        let writes = vec![
            Write::CreateRoom {
                code: code.clone(),
                facilitator_key: key.clone(),
                table_key: table_key.clone(),
                now: now(),
            },
            Write::Snapshot { room: code.clone(), seq: 0, state },
        ];
        return match shared.store.write(writes).await {
            Ok(()) => {
                (StatusCode::CREATED, Json(serde_json::json!({ "code": code, "key": key, "table_key": table_key })))
                    .into_response()
            }
            Err(e) => failed(e),
        };
    }
    failed("no free room code".into())
}

fn failed(e: String) -> Response {
    eprintln!("{e}");
    (StatusCode::INTERNAL_SERVER_ERROR, Json(serde_json::json!({ "problem": "server" }))).into_response()
}

fn key_of(headers: &HeaderMap) -> String {
    headers.get(KEY_HEADER).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
}

/// `GET /live/rooms/{code}/file`: the room as the usual workshop file.
async fn file(State(shared): State<Arc<Shared>>, UrlPath(code): UrlPath<String>, headers: HeaderMap) -> Response {
    let Some(code) = normalise_code(&code) else { return refused(StatusCode::NOT_FOUND, Problem::UnknownRoom) };
    let (reply, answer) = oneshot::channel();
    match shared.send(&code, Cmd::File { key: key_of(&headers), reply }).await {
        Ok(true) => {}
        Ok(false) => return refused(StatusCode::NOT_FOUND, Problem::UnknownRoom),
        Err(e) => return failed(e),
    }
    match answer.await {
        Ok(Ok(json)) => (
            [
                (header::CONTENT_TYPE, "application/json".to_string()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"leidraad-{code}.json\"")),
            ],
            json,
        )
            .into_response(),
        Ok(Err(p)) => refused(status_of(p), p),
        Err(_) => refused(StatusCode::NOT_FOUND, Problem::UnknownRoom),
    }
}

/// `DELETE /live/rooms/{code}`: closes the room and deletes it from the server.
async fn close(State(shared): State<Arc<Shared>>, UrlPath(code): UrlPath<String>, headers: HeaderMap) -> Response {
    let Some(code) = normalise_code(&code) else { return refused(StatusCode::NOT_FOUND, Problem::UnknownRoom) };
    let (reply, answer) = oneshot::channel();
    match shared.send(&code, Cmd::Close { key: Some(key_of(&headers)), reply }).await {
        Ok(true) => {}
        Ok(false) => return refused(StatusCode::NOT_FOUND, Problem::UnknownRoom),
        Err(e) => return failed(e),
    }
    match answer.await {
        Ok(Ok(())) => StatusCode::NO_CONTENT.into_response(),
        Ok(Err(p)) => refused(status_of(p), p),
        Err(_) => refused(StatusCode::NOT_FOUND, Problem::UnknownRoom),
    }
}

/// `GET /live/rooms/{code}/qr.svg`: the join address as a QR code. Drawn for any well-formed
/// code without looking it up, so it tells nothing about which rooms exist.
async fn qr(State(shared): State<Arc<Shared>>, UrlPath(code): UrlPath<String>, headers: HeaderMap) -> Response {
    let Some(code) = normalise_code(&code) else { return refused(StatusCode::NOT_FOUND, Problem::UnknownRoom) };
    let url = format!("{}/join.html#{code}", base_url(&shared, &headers));
    match qrcode::QrCode::new(url.as_bytes()) {
        Ok(qr) => {
            let svg = qr.render::<qrcode::render::svg::Color>().min_dimensions(256, 256).build();
            with_headers(svg.into_response(), "image/svg+xml")
        }
        Err(e) => failed(e.to_string()),
    }
}

/// Where devices reach this server: the configured address, else the one this request used.
pub fn base_url(shared: &Shared, headers: &HeaderMap) -> String {
    if let Some(url) = &shared.config.public_url {
        return url.clone();
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    let plain = !host.is_empty()
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b':' | b'-' | b'[' | b']'));
    let host = if plain { host.to_string() } else { format!("{}:{}", shared.config.host, shared.config.port) };
    format!("http://{host}")
}

/// `GET /live/ws`: the live protocol (bounded message size).
async fn socket(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    upgrade: WebSocketUpgrade,
) -> Response {
    let max = shared.config.max_frame;
    upgrade
        .max_message_size(max)
        .max_frame_size(max)
        .on_upgrade(move |socket| crate::ws::connection(socket, addr.ip(), shared))
}

/// Any other path: a file of the built app, with the strict headers. A browser that accepts gzip
/// gets the gzip copy `scripts/precompress.mjs` wrote beside the file (`FILE.gz`), when there is
/// one: the workshop page's first load is then about 320 KiB instead of about 800.
async fn static_file(State(shared): State<Arc<Shared>>, headers: HeaderMap, uri: Uri) -> Response {
    let Some(path) = safe_path(&shared.config.dist, uri.path()) else {
        return (StatusCode::FORBIDDEN, "forbidden").into_response();
    };
    if path.file_name().is_some_and(|n| n == "index.html") {
        return match tokio::fs::read(&path).await {
            Ok(body) => with_headers(mark_live(body).into_response(), content_type(&path)),
            Err(_) => not_found(),
        };
    }
    let accepts = headers.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()).is_some_and(accepts_gzip);
    let mut packed = path.clone().into_os_string();
    packed.push(".gz");
    let gzipped = if accepts { tokio::fs::read(&packed).await.ok() } else { None };
    let gzip = gzipped.is_some();
    let body = match gzipped {
        Some(body) => body,
        None => match tokio::fs::read(&path).await {
            Ok(body) => body,
            Err(_) => return not_found(),
        },
    };
    let mut response = with_headers(body.into_response(), content_type(&path));
    let sent = response.headers_mut();
    // Caches must not hand the plain file to a browser that asked for gzip, or the other way.
    sent.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if gzip {
        sent.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    response
}

fn not_found() -> Response {
    with_headers((StatusCode::NOT_FOUND, "not found").into_response(), "text/plain; charset=utf-8")
}

/// Whether an `Accept-Encoding` header allows gzip: a `gzip` (or `x-gzip`) entry whose q is not 0.
pub fn accepts_gzip(header: &str) -> bool {
    header.split(',').any(|entry| {
        let mut parts = entry.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let refused = parts.any(|p| {
            p.strip_prefix("q=").or_else(|| p.strip_prefix("Q=")).and_then(|q| q.parse::<f32>().ok()) == Some(0.0)
        });
        (name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip")) && !refused
    })
}

/// The mount element of the workshop page.
const MOUNT: &[u8] = br#"<div id="leidraad""#;

/// The workshop page as this server sends it: its mount element carries `data-live`, which
/// offers the facilitator the Live switch. Only this server sets it, so the same files on a
/// static host (embedded on an intranet page) never offer a switch that could not work, and
/// the page needs no request of its own to find out.
pub fn mark_live(mut page: Vec<u8>) -> Vec<u8> {
    if let Some(at) = page.windows(MOUNT.len()).position(|w| w == MOUNT) {
        let end = at + MOUNT.len();
        page.splice(end..end, b" data-live".iter().copied());
    }
    page
}

/// The file under `root` a URL path names (`/` and folders: their `index.html`); `None` for
/// a path that would leave `root`.
fn safe_path(root: &Path, url_path: &str) -> Option<PathBuf> {
    let mut path = root.to_path_buf();
    for part in Path::new(url_path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => path.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if url_path.ends_with('/') || path == root {
        path.push("index.html");
    }
    Some(path)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn with_headers(mut response: Response, kind: &'static str) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

#[cfg(test)]
mod tests {
    use super::accepts_gzip;

    #[test]
    fn gzip_is_sent_only_when_the_browser_accepts_it() {
        assert!(accepts_gzip("gzip, deflate, br, zstd")); // Chromium
        assert!(accepts_gzip("deflate, GZIP;q=0.5"));
        assert!(accepts_gzip("x-gzip"));
        assert!(!accepts_gzip(""));
        assert!(!accepts_gzip("identity"));
        assert!(!accepts_gzip("br, gzip;q=0"));
        assert!(!accepts_gzip("gzip; q=0.0"));
        assert!(!accepts_gzip("gzipped"));
    }
}
