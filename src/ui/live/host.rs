//! The facilitator's side of a live workshop on the workshop page: the Live switch in the
//! header, the join screen for the projector, opening writing and voting for participants,
//! the table link for laptops at the tables, downloading the room's file and stopping. The
//! same page on a table's laptop joins with that link and offers only what a table may do. While live, every step the page takes goes
//! through the same `Workshop::apply` as always and is also sent to the room (`act`); what the
//! room confirms from others comes back in order, and the page shows the room's confirmed
//! state with this device's waiting steps on top (`live::Host::workshop`).

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::link::{Link, LinkEvent};
use super::switch::{take_wish, LiveStart, MenuProps, Wish};
use crate::i18n::{self, HostText, Lang, LiveText};
use crate::live::{grouped, parse_table_link, table_link, Floor, Host, HostKept, Next, ServerFrame};
use crate::ui::platform::{self, BrowserIds};
use crate::ui::state::{AppState, Msg, Notice};
use crate::ui::widgets::select_value;
use crate::workshop::{Action, History, Id, Workshop};

/// Where the facilitator's device keeps its room and key (local storage), so a reload rejoins.
const KEEP_KEY: &str = "leidraad.live.host";
/// Where a table's laptop keeps its room and the table key: apart from the facilitator's, so a
/// facilitator who tries the table link in the same browser does not lose the lead.
const TABLE_KEEP_KEY: &str = "leidraad.live.table";

fn keep_key(table: bool) -> &'static str {
    if table {
        TABLE_KEEP_KEY
    } else {
        KEEP_KEY
    }
}

/// The connection as the facilitator is told it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Status {
    Connecting,
    Open,
    Offline,
}

/// The live workshop's entry points for the app state, reached through the room and its
/// messages only: a page that never goes live (after.html) links none of this code.
pub struct Hooks {
    pub act: fn(&mut AppState, Action),
    pub undo: fn(&mut AppState),
    pub redo: fn(&mut AppState),
    pub reduce: fn(&mut AppState, LiveMsg),
}

impl PartialEq for Hooks {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl std::fmt::Debug for Hooks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Hooks")
    }
}

static HOOKS: Hooks = Hooks { act, undo, redo: no_redo, reduce };

/// A message for the live workshop, with the code that handles it.
fn live(msg: LiveMsg) -> Msg {
    Msg::Live(msg, &HOOKS)
}

/// The page's live workshop: the room's client and the socket to it.
#[derive(Clone)]
pub struct Room {
    hooks: &'static Hooks,
    pub host: Host,
    link: Rc<Link>,
    to_app: Callback<Msg>,
    status: Status,
    /// Connection attempts since the last welcome, for waiting a little longer each time.
    tries: u32,
    /// Whether the join screen is shown.
    show_join: bool,
}

/// The room in the app state, compared by pointer: every change makes a new one.
#[derive(Clone)]
pub struct InRoom(pub Rc<Room>);

impl PartialEq for InRoom {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for InRoom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "InRoom({})", self.0.host.code())
    }
}

impl InRoom {
    fn new(host: Host, to_app: Callback<Msg>, show_join: bool) -> InRoom {
        let link = Rc::new(Link::default());
        InRoom(Rc::new(Room { hooks: &HOOKS, host, link, to_app, status: Status::Connecting, tries: 0, show_join }))
    }

    /// The code that handles the live workshop in the app state.
    pub fn hooks(&self) -> &'static Hooks {
        self.0.hooks
    }
}

/// What can happen to the live workshop.
#[derive(Clone, Debug, PartialEq)]
pub enum LiveMsg {
    /// The page is in this room now (just made, or kept on the device); `true`: show the join screen.
    Start(InRoom),
    Socket(LinkEvent),
    /// Try the connection again after a drop.
    Retry,
    ShowJoin(bool),
    Floor(Floor),
    /// The room is deleted from the server: back to working on this device only.
    Stopped,
    /// This table stops taking part: back to working on this device only.
    Leave,
    /// Tell the user something (an error when `true`).
    Tell(HostText, bool),
}

impl Room {
    fn connect(&mut self) {
        self.status = Status::Connecting;
        self.link.open(self.to_app.reform(|e| live(LiveMsg::Socket(e))));
    }

    fn keep(&self) {
        if let Ok(text) = serde_json::to_string(&self.host.kept()) {
            platform::set_setting(keep_key(self.host.table), &text);
        }
    }
}

fn room_mut(state: &mut AppState) -> Option<&mut Room> {
    state.room.as_mut().map(|r| Rc::make_mut(&mut r.0))
}

/// Shows the room's state: the confirmed room with this device's waiting steps on top. The
/// page's history starts again from it, so the autosave keeps it and no local undo can put
/// back an old whole workshop over other people's work.
fn show(state: &mut AppState) {
    let Some(room) = state.room.as_ref().filter(|r| r.0.host.has_state()) else { return };
    let view = room.0.host.workshop();
    if view != *state.history.present() {
        state.history = History::new(view);
        state.revision += 1;
    }
}

fn tell(state: &mut AppState, text: String, is_error: bool) {
    state.notice = Some(Notice { text, is_error });
}

/// A step the page just applied (the hook in `AppState::act`): it goes to the room too.
fn act(state: &mut AppState, action: Action) {
    let lang = state.lang;
    let Some(room) = room_mut(state) else { return };
    let refused = match room.host.act(action, &mut BrowserIds) {
        Ok(frame) => {
            if let Some(frame) = frame {
                room.link.send(&frame);
            }
            None
        }
        Err(refusal) => Some(i18n::live::refusal(&refusal, lang)),
    };
    room.keep();
    show(state);
    if let Some(text) = refused {
        tell(state, text, true);
    }
}

/// Undo in a live workshop: this device's own last step, through its inverse.
fn undo(state: &mut AppState) {
    let lang = state.lang;
    let Some(room) = room_mut(state) else { return };
    match room.host.undo() {
        Ok(frames) => {
            for frame in &frames {
                room.link.send(frame);
            }
            room.keep();
            show(state);
            state.notice = None;
        }
        Err(e) => tell(state, i18n::host::undo_error(&e, lang), true),
    }
}

/// Redo in a live workshop: not offered, and said so for the keyboard shortcut.
fn no_redo(state: &mut AppState) {
    tell(state, HostText::NoRedo.get(state.lang).into(), false);
}

/// What the live workshop's messages do to the app state.
fn reduce(state: &mut AppState, msg: LiveMsg) {
    let lang = state.lang;
    match msg {
        LiveMsg::Start(room) => {
            state.room = Some(room);
            if let Some(room) = room_mut(state) {
                room.keep();
                room.connect();
            }
            show(state);
        }
        LiveMsg::Socket(event) => socket(state, event),
        LiveMsg::Retry => {
            if let Some(room) = room_mut(state).filter(|r| r.status == Status::Offline) {
                room.connect();
            }
        }
        LiveMsg::ShowJoin(on) => {
            if let Some(room) = room_mut(state) {
                room.show_join = on;
            }
        }
        LiveMsg::Floor(floor) => {
            let Some(room) = room_mut(state) else { return };
            match room.host.set_floor(floor) {
                Ok(frame) => {
                    if let Some(frame) = frame {
                        room.link.send(&frame);
                    }
                    room.keep();
                }
                Err(r) => tell(state, i18n::live::refusal(&r, lang), true),
            }
        }
        LiveMsg::Stopped => {
            leave(state);
            tell(state, HostText::Stopped.get(lang).into(), false);
        }
        LiveMsg::Leave => {
            leave(state);
            tell(state, HostText::LeftTable.get(lang).into(), false);
        }
        LiveMsg::Tell(text, is_error) => tell(state, text.get(lang).into(), is_error),
    }
}

/// Back to working on this device only, with the workshop as it is.
fn leave(state: &mut AppState) {
    if let Some(room) = state.room.take() {
        room.0.link.close();
        platform::remove_setting(keep_key(room.0.host.table));
    }
}

fn socket(state: &mut AppState, event: LinkEvent) {
    let lang = state.lang;
    let Some(room) = room_mut(state) else { return };
    match event {
        LinkEvent::Open => {
            room.link.send(&room.host.client.hello());
        }
        LinkEvent::Frame(text) => {
            // A frame that cannot be read is ignored: the server only sends known frames.
            let Ok(frame) = serde_json::from_str::<ServerFrame>(&text) else { return };
            let seen = room.host.client.refused.len();
            match room.host.client.receive(frame) {
                Next::Send(frames) => {
                    room.status = Status::Open;
                    room.tries = 0;
                    for f in &frames {
                        room.link.send(f);
                    }
                }
                Next::Rejoin => room.connect(),
                Next::Problem { stop: true } => {
                    leave(state);
                    tell(state, HostText::Gone.get(lang).into(), true);
                    return;
                }
                Next::Problem { stop: false } => {}
            }
            // A step of this device the room refused: say why, in the user's language.
            let refused = room.host.client.refused.get(seen..).and_then(|r| r.last()).map(|(_, r)| r.clone());
            room.host.client.dismiss();
            room.keep();
            show(state);
            if let Some(r) = refused {
                tell(state, i18n::live::refusal(&r, lang), true);
            }
        }
        LinkEvent::Closed => {
            room.host.client.disconnected();
            room.status = Status::Offline;
            room.tries += 1;
            // 1, 2, 4 seconds, then every 5: soon back, without hammering a busy server.
            let wait = (500u32 << room.tries.min(4)).min(5_000);
            let to_app = room.to_app.clone();
            gloo::timers::callback::Timeout::new(wait, move || to_app.emit(live(LiveMsg::Retry))).forget();
        }
    }
}

/// The room this device kept under `key` (a reload while live), if any.
fn kept(key: &str) -> Option<HostKept> {
    platform::setting(key).and_then(|t| serde_json::from_str(&t).ok())
}

/// The room code and table key in this page's address, when it was opened with a table link.
fn table_in_address() -> Option<(String, String)> {
    parse_table_link(&web_sys::window()?.location().hash().ok()?)
}

/// What a reload brings back: with a table link in the address, the table kept for that room;
/// otherwise the facilitator's room, or else a table's.
fn to_resume(link: Option<&(String, String)>) -> Option<HostKept> {
    match link {
        Some((code, _)) => kept(TABLE_KEEP_KEY).filter(|k| &k.saved.room == code),
        None => kept(KEEP_KEY).or_else(|| kept(TABLE_KEEP_KEY)),
    }
}

/// The table link of this room, for this page's address.
fn this_table_link(code: &str, table_key: &str) -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    table_link(&href, code, table_key)
}

/// Puts `text` on the clipboard; `false` when the browser does not let the page.
async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let get = |on: &JsValue, name: &str| js_sys::Reflect::get(on, &name.into()).ok().filter(|v| !v.is_undefined());
    let Some(clipboard) = get(&window.navigator(), "clipboard") else { return false };
    let Some(write) = get(&clipboard, "writeText").and_then(|f| f.dyn_into::<js_sys::Function>().ok()) else {
        return false;
    };
    let Some(promise) = write.call1(&clipboard, &text.into()).ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// A request to the room's server; the answer's status and text (`None`: no answer).
async fn request(method: &str, url: &str, key: Option<&str>, body: Option<String>) -> Option<(u16, String)> {
    use wasm_bindgen_futures::JsFuture;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(&body));
    }
    if let Some(key) = key {
        let headers = js_sys::Object::new();
        js_sys::Reflect::set(&headers, &"x-room-key".into(), &key.into()).ok()?;
        init.set_headers(&headers);
    }
    let response = JsFuture::from(web_sys::window()?.fetch_with_str_and_init(url, &init)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    Some((response.status(), text))
}

/// What the server answers to a new room.
struct Made {
    code: String,
    key: String,
    table_key: String,
}

crate::workshop::variants::read_struct!(Made { code, key, table_key = default });

/// Makes a room on the server from this workshop.
async fn make_room(workshop: Rc<Workshop>) -> Option<Made> {
    let (status, text) = request("POST", "/live/rooms", None, Some(crate::format::to_json(&workshop))).await?;
    (status == 201).then(|| serde_json::from_str(&text).ok()).flatten()
}

/// Where participants go: `join.html` beside this page.
fn join_address() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return String::new() };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let folder = path.rfind('/').map_or("/", |at| &path[..=at]);
    format!("{origin}{folder}join.html")
}

/// The Live menu in the header (only on a page the room's server sent): go live; while live,
/// the code, the join screen, what participants may do, download and stop.
#[function_component(LiveMenu)]
pub fn live_menu(p: &MenuProps) -> Html {
    let state = &p.state;
    let lang = state.lang;
    let t = |k: HostText| k.get(lang);
    let to_app = {
        let d = state.dispatcher();
        Callback::from(move |m: Msg| d.dispatch(m))
    };
    let busy = use_state(|| false);
    // A table link in the address, waiting for this laptop's yes.
    let asking = use_state(|| None::<(String, String)>);
    let join_table = {
        let (to_app, asking) = (to_app.clone(), asking.clone());
        Callback::from(move |(code, key): (String, String)| {
            asking.set(None);
            let host = Host::table(&code, key, platform::new_id("dev").to_string());
            to_app.emit(live(LiveMsg::Start(InRoom::new(host, to_app.clone(), false))));
        })
    };
    let go = {
        let (busy, to_app, workshop) = (busy.clone(), to_app.clone(), state.history.present_rc());
        Callback::from(move |_| {
            busy.set(true);
            let (busy, to_app, workshop) = (busy.clone(), to_app.clone(), workshop.clone());
            yew::platform::spawn_local(async move {
                let made = make_room(workshop.clone()).await;
                busy.set(false);
                let msg = match made {
                    Some(m) => {
                        let host = Host::started(
                            &m.code,
                            m.key,
                            m.table_key,
                            platform::new_id("dev").to_string(),
                            (*workshop).clone(),
                        );
                        LiveMsg::Start(InRoom::new(host, to_app.clone(), true))
                    }
                    None => LiveMsg::Tell(HostText::NotLive, true),
                };
                to_app.emit(live(msg));
            });
        })
    };
    {
        // A reload while live: back into the room with the kept key. Started for a wish of the
        // page without the live build (go live, join as a table): carry it out. Opened with a
        // table link: ask first, since the room's workshop takes the place of what is on this
        // laptop.
        let (to_app, in_room, asking) = (to_app.clone(), state.room.is_some(), asking.clone());
        let (go, join_table) = (go.clone(), join_table.clone());
        use_effect_with((), move |_| {
            let wish = take_wish();
            if in_room {
                return;
            }
            let link = table_in_address();
            if let Some(kept) = to_resume(link.as_ref()) {
                let room = InRoom::new(Host::resumed(kept), to_app.clone(), false);
                to_app.emit(live(LiveMsg::Start(room)));
            } else if let Some(wish) = wish {
                match wish {
                    Wish::Lead => go.emit(()),
                    Wish::Table(code, key) => join_table.emit((code, key)),
                }
            } else if link.is_some() {
                asking.set(link);
            }
        });
    }
    let Some(room) = &state.room else {
        let not_now = {
            let asking = asking.clone();
            Callback::from(move |_: ()| asking.set(None))
        };
        return html! {
            <>
            <LiveStart {lang} busy={*busy} go={go} join={join_table.clone()} />
            if let Some((code, key)) = (*asking).clone() {
                <TableAsk {code} key_={key} {lang} join={join_table} {not_now} />
            }
            </>
        };
    };
    let room = &room.0;
    let code = room.host.code().to_string();
    let status = match room.status {
        Status::Open => LiveText::Connected,
        Status::Connecting => LiveText::Connecting,
        Status::Offline => LiveText::Offline,
    }
    .get(lang);
    if room.host.table {
        let leave = to_app.reform(|_: MouseEvent| live(LiveMsg::Leave));
        return html! {
            <details class="ld-menu ld-tool-menu ld-live-menu">
                <summary class="ld-button ld-quiet ld-live-on">{ format!("{}: {}", t(HostText::TableMenu), grouped(&code)) }</summary>
                <div class="ld-menu-body ld-menu-pop">
                    <p>{ t(HostText::IsTable) }</p>
                    <p class="ld-hint" role="status">{ status }</p>
                    <p class="ld-hint">{ t(HostText::TableMay) }</p>
                    <button type="button" class="ld-button" onclick={leave}>{ t(HostText::LeaveTable) }</button>
                </div>
            </details>
        };
    }
    let show_join = to_app.reform(|_: MouseEvent| live(LiveMsg::ShowJoin(true)));
    let tables = (!room.host.table_key.is_empty()).then(|| this_table_link(&code, &room.host.table_key));
    html! {
        <>
        <details class="ld-menu ld-tool-menu ld-live-menu">
            <summary class="ld-button ld-quiet ld-live-on">{ format!("{}: {}", t(HostText::Menu), grouped(&code)) }</summary>
            <div class="ld-menu-body ld-menu-pop">
                <p>{ t(HostText::IsLive) }</p>
                <p class="ld-hint" role="status">{ status }</p>
                <button type="button" class="ld-button" onclick={show_join}>{ t(HostText::ShowCode) }</button>
                <FloorControl floor={room.host.floor()} workshop={crate::ui::Shared(state.history.present_rc())}
                    send={to_app.clone()} />
                if let Some(link) = tables { <TableLink {link} {lang} /> }
                <StopControl code={code.clone()} key_={room.host.client.key.clone().unwrap_or_default()}
                    title={state.workshop().setup.title.clone()} send={to_app.clone()} />
            </div>
        </details>
        if room.show_join { <JoinScreen code={code.clone()} {lang} send={to_app.clone()} /> }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct TableLinkProps {
    link: String,
    lang: Lang,
}

/// For the facilitator: the table link to copy and send to the laptops at the tables. Folded
/// away until asked for, since the facilitator's screen may be on the projector.
#[function_component(TableLink)]
fn table_link_part(p: &TableLinkProps) -> Html {
    let t = |k: HostText| k.get(p.lang);
    let said = use_state(|| None::<HostText>);
    let copy = {
        let (link, said) = (p.link.clone(), said.clone());
        Callback::from(move |_: MouseEvent| {
            let (link, said) = (link.clone(), said.clone());
            yew::platform::spawn_local(async move {
                let copied = copy_text(&link).await;
                said.set(Some(if copied { HostText::TableLinkCopied } else { HostText::TableLinkNotCopied }));
            });
        })
    };
    let select = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            input.select();
        }
    });
    html! {
        <details class="ld-live-tables">
            <summary class="ld-button ld-quiet">{ t(HostText::Tables) }</summary>
            <p class="ld-hint">{ t(HostText::TablesHelp) }</p>
            <p class="ld-hint"><strong>{ t(HostText::TablesSecret) }</strong></p>
            <div class="ld-field">
                <label for="ld-live-table-link">{ t(HostText::TableLink) }</label>
                <input id="ld-live-table-link" type="text" readonly=true value={p.link.clone()} onfocus={select} />
            </div>
            <button type="button" class="ld-button" onclick={copy}>{ t(HostText::CopyTableLink) }</button>
            <p class="ld-hint" role="status">{ said.map(t).unwrap_or_default() }</p>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct TableAskProps {
    code: String,
    key_: String,
    lang: Lang,
    join: Callback<(String, String)>,
    not_now: Callback<()>,
}

/// The page was opened with a table link: join as a table? The room's workshop takes the place
/// of what is on this laptop, so the laptop's user says yes first. Keyboard focus starts on yes;
/// Escape or "no" leaves the laptop as it is.
#[function_component(TableAsk)]
fn table_ask(p: &TableAskProps) -> Html {
    let t = |k: HostText| k.get(p.lang);
    let yes_ref = use_focus_on_open();
    let yes = {
        let (join, link) = (p.join.clone(), (p.code.clone(), p.key_.clone()));
        Callback::from(move |_: MouseEvent| join.emit(link.clone()))
    };
    let no = p.not_now.reform(|_: MouseEvent| ());
    let escape = p.not_now.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            escape.emit(());
        }
    });
    html! {
        <div class="ld-live-screen ld-live-ask" role="dialog" aria-modal="true" aria-labelledby="ld-live-ask-h" {onkeydown}>
            <div class="ld-live-screen-body">
                <h2 id="ld-live-ask-h">{ t(HostText::JoinAsTable) }</h2>
                <p>{ format!("{}: ", t(HostText::TableCode)) }<strong data-code={p.code.clone()}>{ grouped(&p.code) }</strong></p>
                <p>{ t(HostText::TableReplaces) }</p>
                <div class="ld-row">
                    <button type="button" class="ld-button ld-primary" ref={yes_ref} onclick={yes}>{ t(HostText::JoinAsTable) }</button>
                    <button type="button" class="ld-button ld-quiet" onclick={no}>{ t(HostText::NotNow) }</button>
                </div>
            </div>
        </div>
    }
}

/// The element (a dialog's button) that takes the keyboard's focus when its dialog opens.
#[hook]
fn use_focus_on_open() -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            if let Some(button) = node.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    node
}

#[derive(Properties, PartialEq)]
struct JoinProps {
    code: String,
    lang: Lang,
    send: Callback<Msg>,
}

/// The join screen, for the projector: the address, the code in two groups, the QR code (an
/// image the server draws, never markup put into the page). It takes the keyboard's focus when
/// it opens; Escape or its one button closes it.
#[function_component(JoinScreen)]
fn join_screen(p: &JoinProps) -> Html {
    let t = |k: HostText| k.get(p.lang);
    let close = use_focus_on_open();
    let hide = p.send.reform(|_: MouseEvent| live(LiveMsg::ShowJoin(false)));
    let escape = p.send.reform(|_: ()| live(LiveMsg::ShowJoin(false)));
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            escape.emit(());
        }
    });
    let code = &p.code;
    html! {
        <div class="ld-live-screen" role="dialog" aria-modal="true" aria-labelledby="ld-live-screen-h" {onkeydown}>
            <div class="ld-live-screen-body">
                <h2 id="ld-live-screen-h">{ t(HostText::JoinHeading) }</h2>
                <div class="ld-live-screen-grid">
                    <div>
                        <p class="ld-live-screen-step">{ t(HostText::GoTo) }</p>
                        <p class="ld-live-address">{ join_address() }</p>
                        <p class="ld-live-screen-step">{ t(HostText::TypeCode) }</p>
                        <p class="ld-live-bigcode" data-code={code.clone()}>{ grouped(code) }</p>
                    </div>
                    <figure class="ld-live-qr">
                        <img src={format!("/live/rooms/{code}/qr.svg")} alt={t(HostText::QrAlt)} width="256" height="256" />
                        <figcaption>{ t(HostText::OrScan) }</figcaption>
                    </figure>
                </div>
                <button type="button" class="ld-button ld-primary ld-live-screen-close" ref={close} onclick={hide}>
                    { t(HostText::BackToWork) }
                </button>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FloorProps {
    floor: Floor,
    workshop: crate::ui::Shared,
    send: Callback<Msg>,
}

/// What participants may do: write cards for one source (or nothing), and vote.
#[function_component(FloorControl)]
fn floor_control(p: &FloorProps) -> Html {
    let lang = use_context::<crate::ui::Ctx>().map_or(Lang::Nl, |c| c.lang);
    let t = |k: HostText| k.get(lang);
    let input = {
        let (send, floor) = (p.send.clone(), p.floor.clone());
        Callback::from(move |e: Event| {
            let input = Id::parse(&select_value(&e));
            send.emit(live(LiveMsg::Floor(Floor { input, ..floor.clone() })));
        })
    };
    let voting = {
        let (send, floor) = (p.send.clone(), p.floor.clone());
        Callback::from(move |_: Event| {
            send.emit(live(LiveMsg::Floor(Floor { voting: !floor.voting, ..floor.clone() })))
        })
    };
    html! {
        <>
        <div class="ld-field">
            <label for="ld-live-input">{ t(HostText::WritingFor) }</label>
            <select id="ld-live-input" onchange={input}>
                <option value="" selected={p.floor.input.is_none()}>{ t(HostText::WritingClosed) }</option>
                { for p.workshop.sources.iter().map(|s| {
                    let name = if s.title.trim().is_empty() { i18n::source_kind(s.kind, lang).to_string() } else { s.title.clone() };
                    html! { <option key={s.id.as_str()} value={s.id.to_string()} selected={p.floor.input.as_ref() == Some(&s.id)}>{ name }</option> }
                }) }
            </select>
        </div>
        <label class="ld-check">
            <input type="checkbox" checked={p.floor.voting} onchange={voting} />
            { t(HostText::VotingOpen) }
        </label>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct StopProps {
    code: String,
    key_: String,
    title: String,
    send: Callback<Msg>,
}

/// Download the room as a workshop file (the server's copy: it is the truth), and stop: first
/// the offer to download, then the room is deleted from the server.
#[function_component(StopControl)]
fn stop_control(p: &StopProps) -> Html {
    let lang = use_context::<crate::ui::Ctx>().map_or(Lang::Nl, |c| c.lang);
    let t = |k: HostText| k.get(lang);
    let asking = use_state(|| false);
    let download = {
        let (code, key, title, send) = (p.code.clone(), p.key_.clone(), p.title.clone(), p.send.clone());
        Callback::from(move |_: MouseEvent| {
            let (code, key, title, send) = (code.clone(), key.clone(), title.clone(), send.clone());
            yew::platform::spawn_local(async move {
                match request("GET", &format!("/live/rooms/{code}/file"), Some(&key), None).await {
                    Some((200, text)) => {
                        let name = crate::export::name::file_name("leidraad", &title, "json");
                        platform::download(&name, "application/json", &text);
                    }
                    _ => send.emit(live(LiveMsg::Tell(HostText::DownloadFailed, true))),
                }
            });
        })
    };
    let stop = {
        let (code, key, send) = (p.code.clone(), p.key_.clone(), p.send.clone());
        Callback::from(move |_: MouseEvent| {
            let (code, key, send) = (code.clone(), key.clone(), send.clone());
            yew::platform::spawn_local(async move {
                let msg = match request("DELETE", &format!("/live/rooms/{code}"), Some(&key), None).await {
                    // Gone already (expired): nothing left to stop.
                    Some((204 | 404, _)) => LiveMsg::Stopped,
                    _ => LiveMsg::Tell(HostText::StopFailed, true),
                };
                send.emit(live(msg));
            });
        })
    };
    let ask = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(true))
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(false))
    };
    html! {
        <div class="ld-live-stop">
            if *asking {
                <p class="ld-hint" role="status">{ t(HostText::StopHelp) }</p>
            }
            <button type="button" class="ld-button" onclick={download}>{ t(HostText::Download) }</button>
            if *asking {
                <button type="button" class="ld-button ld-danger" onclick={stop}>{ t(HostText::StopNow) }</button>
                <button type="button" class="ld-button ld-quiet" onclick={cancel}>{ t(HostText::Cancel) }</button>
            } else {
                <button type="button" class="ld-button ld-danger" onclick={ask}>{ t(HostText::Stop) }</button>
            }
        </div>
    }
}
