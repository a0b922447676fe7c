//! One device's WebSocket: the first frame joins a room, then each step goes to the room's
//! task, and whatever the room sends goes out. Bad frames get a clear refusal; floods close
//! the connection. Nothing here changes a room: only the room's task does.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket};
use futures_util::{SinkExt, StreamExt};
use leidraad::live::{ClientFrame, Problem, Refusal, ServerFrame};
use tokio::sync::{mpsc, oneshot};

use crate::limit::Bucket;
use crate::room::{frame, Cmd};
use crate::Shared;

/// How long a new connection may take to say hello.
const HELLO_WITHIN: Duration = Duration::from_secs(10);
/// Frames waiting to go out to one device; a device that falls this far behind is dropped
/// (it reconnects and gets what it missed), so a slow phone never holds up a room.
const OUTBOX: usize = 1024;
/// Bad frames, or steps refused as too fast in a row, before the connection is closed.
const STRIKES: u32 = 20;

/// Serves one connection until it ends.
pub async fn connection(socket: WebSocket, addr: IpAddr, shared: Arc<Shared>) {
    let (mut sink, mut stream) = socket.split();
    let problem = |p: Problem| Message::Text(frame(&ServerFrame::Problem { problem: p }));
    let hello = match tokio::time::timeout(HELLO_WITHIN, stream.next()).await {
        Ok(Some(Ok(Message::Text(text)))) => serde_json::from_str::<ClientFrame>(&text).ok(),
        _ => None,
    };
    let Some(ClientFrame::Hello { room, key, client, seen }) = hello else {
        let _ = sink.send(problem(Problem::NotJoined)).await;
        return close(sink).await;
    };
    if !shared.may_join(addr) {
        let _ = sink.send(problem(Problem::TooManyJoins)).await;
        return close(sink).await;
    }
    let code = normalise_code(&room);
    if leidraad::workshop::Id::parse(&client).is_none() || code.is_none() {
        let _ = sink.send(problem(Problem::BadFrame)).await;
        return close(sink).await;
    }
    let code = code.unwrap_or_default();
    let (outbox, mut inbox) = mpsc::channel::<Utf8Bytes>(OUTBOX);
    let (reply, joined) = oneshot::channel();
    let cmd = Cmd::Join { key, client, seen, outbox, reply };
    let joined = match shared.send(&code, cmd).await {
        Ok(true) => joined.await.unwrap_or(Err(Problem::UnknownRoom)),
        Ok(false) => Err(Problem::UnknownRoom),
        Err(e) => {
            eprintln!("room {code}: {e}");
            Err(Problem::UnknownRoom)
        }
    };
    let conn = match joined {
        Ok(j) => j.conn,
        Err(p) => {
            let _ = sink.send(problem(p)).await;
            return close(sink).await;
        }
    };
    let Some(room) = shared.loaded(&code) else { return close(sink).await };
    let rate = shared.config.client_rate;
    let mut bucket = Bucket::new(rate, rate * 2.0);
    let mut strikes = 0;
    loop {
        tokio::select! {
            out = inbox.recv() => match out {
                Some(text) => if sink.send(Message::Text(text)).await.is_err() { break },
                // The room dropped this connection (closed, or the device fell behind).
                None => break,
            },
            incoming = stream.next() => {
                let text = match incoming {
                    Some(Ok(Message::Text(text))) => text,
                    Some(Ok(Message::Ping(_) | Message::Pong(_))) => continue,
                    Some(Ok(Message::Binary(_))) => Utf8Bytes::from_static(""),
                    // Closed, or a frame over the size limit (the socket then ends).
                    Some(Ok(Message::Close(_)) | Err(_)) | None => break,
                };
                let reply = match serde_json::from_str::<ClientFrame>(&text) {
                    Ok(ClientFrame::Submit { cseq, op }) if bucket.take() => {
                        strikes = 0;
                        if room.send(Cmd::Submit { conn, cseq, op }).await.is_err() { break }
                        continue;
                    }
                    Ok(ClientFrame::Submit { cseq, .. }) => ServerFrame::Refused { cseq, reason: Refusal::TooFast },
                    Ok(ClientFrame::Hello { .. }) => ServerFrame::Problem { problem: Problem::NotJoined },
                    Err(_) => ServerFrame::Problem { problem: Problem::BadFrame },
                };
                strikes += 1;
                if strikes > STRIKES {
                    let _ = sink.send(problem(Problem::Flood)).await;
                    break;
                }
                if sink.send(Message::Text(frame(&reply))).await.is_err() { break }
            }
        }
    }
    let _ = room.send(Cmd::Leave { conn }).await;
    close(sink).await;
}

async fn close(mut sink: futures_util::stream::SplitSink<WebSocket, Message>) {
    let _ = sink.send(Message::Close(Some(CloseFrame { code: 1000, reason: Utf8Bytes::from_static("") }))).await;
}

// Room codes are part of the protocol: the pages check a typed code the same way.
pub use leidraad::live::{normalise_code, CODE_ALPHABET, CODE_LEN};
