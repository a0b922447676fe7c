//! The participant page (`join.html`, binary `live`): phone first, no menus. Join a room with
//! its code, write cards under the source the facilitator opened, change or delete one's own
//! cards, place one's own dots while voting is open. The page holds no workshop: the room sends
//! it its seat (`live::Seated`, `live::Seat`: what this page shows, made by the server, which
//! runs `Workshop::apply`), and its own steps show on top of it until the room handled them.

use std::rc::Rc;

use yew::prelude::*;

use super::link::{Link, LinkEvent};
use crate::i18n::{self, Lang, LiveText, Text};
use crate::live::{normalise_code, Heard, Seat, SeatKept, SeatStep, Seated};
use crate::ui::platform;
use crate::ui::widgets::select_value;
use crate::workshop::Id;

/// Which room this device was in last (its code; local storage), so a reload goes back to it.
/// (Before rooms were kept each under their own key, this held that one room's [`Kept`]: still
/// read.)
const KEEP_KEY: &str = "leidraad.live";

/// Where this device keeps one room's seat, name and queued steps (local storage: a reload, a
/// closed tab or another room's code in between loses nothing).
fn room_key(code: &str) -> String {
    format!("{KEEP_KEY}.room.{code}")
}

/// What this device kept for the room `code`, if anything.
fn kept(code: &str) -> Option<Kept> {
    let read = |text: String| serde_json::from_str::<Kept>(&text).ok();
    let kept = platform::setting(&room_key(code)).and_then(read);
    // The earlier form: the one room, under KEEP_KEY itself.
    kept.or_else(|| platform::setting(KEEP_KEY).and_then(read)).filter(|k| k.saved.room == code)
}

/// What is kept on the device.
#[derive(Clone, Debug, Default, serde::Serialize)]
struct Kept {
    saved: SeatKept,
    name: String,
    group: Option<Id>,
}

crate::workshop::variants::read_struct!(Kept { saved, name = default, group = default });

/// The connection as the participant is told it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Status {
    Connecting,
    Open,
    Offline,
    /// The room is gone or refused this device for good: no more tries.
    Stopped,
}

/// The page's whole state; changed only by [`Msg`] in [`Room::reduce`].
#[derive(Clone)]
pub struct Room {
    lang: Lang,
    /// `None`: the join screen.
    client: Option<Seated>,
    name: String,
    group: Option<Id>,
    status: Status,
    /// A plain message for the join screen or the last step refused on this device.
    message: Option<String>,
    /// Connection attempts since the last welcome, for waiting a little longer each time.
    tries: u32,
    link: Rc<Link>,
    to_self: Option<Callback<Msg>>,
}

/// What can happen on the page.
pub enum Msg {
    /// Wire the socket's events back to the reducer (sent once, on the first render).
    Wire(Callback<Msg>),
    Lang(Lang),
    /// Join the room with this code and name.
    Join {
        code: String,
        name: String,
    },
    Socket(LinkEvent),
    /// Try the connection again after a drop.
    Retry,
    /// Do a step in the room; `done` runs once this device accepted it (clears a form), so a
    /// refused step keeps what was typed.
    Do(SeatStep, Option<Callback<()>>),
    Group(Option<Id>),
    /// The refusals were read.
    Dismiss,
    /// Back to the join screen (another code).
    Leave,
}

impl Room {
    fn new(lang: Lang) -> Room {
        let mut room = Room {
            lang,
            client: None,
            name: String::new(),
            group: None,
            status: Status::Connecting,
            message: None,
            tries: 0,
            link: Rc::default(),
            to_self: None,
        };
        // Back in the room this device was in last (a reload), with whatever it had queued;
        // with another room's code in the address, the join screen (that room's code filled in).
        let last = platform::setting(KEEP_KEY).map(|t| match serde_json::from_str::<Kept>(&t) {
            Ok(kept) => kept.saved.room,
            Err(_) => t,
        });
        let hash_code = location_code();
        if let Some(kept) =
            last.filter(|code| hash_code.is_none() || hash_code.as_ref() == Some(code)).and_then(|c| kept(&c))
        {
            room.name = kept.name;
            room.group = kept.group;
            let code = kept.saved.room.clone();
            room.client = Some(Seated::new(&code, kept.saved.client.clone(), Some(kept.saved)));
        }
        room
    }

    fn keep(&self) {
        if let Some(client) = &self.client {
            let kept = Kept { saved: client.kept(), name: self.name.clone(), group: self.group.clone() };
            if let Ok(text) = serde_json::to_string(&kept) {
                platform::set_setting(&room_key(&client.room), &text);
                platform::set_setting(KEEP_KEY, &client.room);
            }
        }
    }

    fn connect(&mut self) {
        if let Some(to_self) = &self.to_self {
            self.status = Status::Connecting;
            self.link.open(to_self.reform(Msg::Socket));
        }
    }

    fn socket(&mut self, event: LinkEvent) {
        let Some(client) = self.client.as_mut() else { return };
        match event {
            LinkEvent::Open => {
                self.link.send_text(&client.hello());
            }
            LinkEvent::Frame(text) => match client.receive(&text) {
                Heard::Send(frames) => {
                    if client.joined {
                        self.status = Status::Open;
                        self.tries = 0;
                    }
                    for f in &frames {
                        self.link.send_text(f);
                    }
                    self.keep();
                }
                Heard::Problem { stop } => {
                    if stop {
                        self.status = Status::Stopped;
                        self.link.close();
                    }
                    self.keep();
                }
            },
            LinkEvent::Closed => {
                client.disconnected();
                if self.status != Status::Stopped {
                    self.status = Status::Offline;
                    self.tries += 1;
                    // 1, 2, 4 seconds, then every 5: soon back, without hammering a busy server.
                    let wait = (500u32 << self.tries.min(4)).min(5_000);
                    if let Some(to_self) = self.to_self.clone() {
                        gloo::timers::callback::Timeout::new(wait, move || to_self.emit(Msg::Retry)).forget();
                    }
                }
            }
        }
    }
}

impl Reducible for Room {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut room = (*self).clone();
        match msg {
            Msg::Wire(to_self) => {
                room.to_self = Some(to_self);
                if room.client.is_some() {
                    room.connect();
                }
            }
            Msg::Lang(lang) => {
                platform::set_setting(platform::LANG_KEY, lang.code());
                room.lang = lang;
            }
            Msg::Join { code, name } => {
                let Some(code) = normalise_code(&code) else {
                    room.message = Some(LiveText::CodeInvalid.text(room.lang).into());
                    return Rc::new(room);
                };
                room.message = None;
                room.name = name.trim().to_string();
                // Back in a room this device was in before: the same member, its queue still sent.
                let before = kept(&code).map(|k| k.saved);
                room.client = Some(Seated::new(&code, platform::new_id("dev").to_string(), before));
                room.keep();
                room.connect();
            }
            Msg::Socket(event) => room.socket(event),
            Msg::Retry => {
                if room.client.as_ref().is_some_and(|c| !c.joined) && room.status == Status::Offline {
                    room.connect();
                }
            }
            Msg::Do(step, done) => {
                let Some(client) = room.client.as_mut() else { return self };
                match client.submit(step) {
                    Ok(frame) => {
                        room.message = None;
                        if let Some(done) = done {
                            done.emit(());
                        }
                        if let Some(frame) = frame {
                            room.link.send_text(&frame);
                        }
                    }
                    Err(refusal) => room.message = Some(i18n::live::refusal(&refusal, room.lang)),
                }
                room.keep();
            }
            Msg::Group(group) => {
                room.group = group;
                room.keep();
            }
            Msg::Dismiss => {
                room.message = None;
                if let Some(client) = room.client.as_mut() {
                    client.dismiss();
                }
            }
            Msg::Leave => {
                room.link.close();
                // Steps still waiting stay kept for that room: joining it again sends them.
                if let Some(client) = room.client.take().filter(|c| c.waiting() == 0) {
                    platform::remove_setting(&room_key(&client.room));
                }
                room.status = Status::Connecting;
                platform::remove_setting(KEEP_KEY);
            }
        }
        Rc::new(room)
    }
}

/// The room code in the address the QR code gives (`join.html#K7XM3P`), if any.
fn location_code() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    normalise_code(hash.trim_start_matches('#'))
}

/// What the page is started with.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct ParticipantProps {
    /// The host page's language (`data-lang`); otherwise the last choice, otherwise Dutch.
    #[prop_or_default]
    pub lang: Option<Lang>,
}

/// The participant page.
#[function_component]
pub fn Participant(props: &ParticipantProps) -> Html {
    let lang = props.lang;
    let room = use_reducer(move || {
        Room::new(
            lang.or_else(|| platform::setting(platform::LANG_KEY).map(|c| Lang::from_code(&c))).unwrap_or_default(),
        )
    });
    {
        let dispatcher = room.dispatcher();
        use_effect_with((), move |_| {
            dispatcher.dispatch(Msg::Wire(Callback::from({
                let d = dispatcher.clone();
                move |m| d.dispatch(m)
            })))
        });
    }
    let lang = room.lang;
    let t = |k: LiveText| k.text(lang);
    let send = {
        let d = room.dispatcher();
        Callback::from(move |m: Msg| d.dispatch(m))
    };
    let other = if lang == Lang::Nl { Lang::En } else { Lang::Nl };
    let switch = send.reform(move |_: MouseEvent| Msg::Lang(other));
    let body = match &room.client {
        None => join_form(lang, room.message.clone(), send.clone()),
        Some(client) => in_room(&room, client, send.clone()),
    };
    html! {
        <div class="leidraad" lang={lang.code()}>
            <div class="ld-live-page">
                <header class="ld-live-top">
                    <h1>{ t(LiveText::PageTitle) }</h1>
                    <button type="button" class="ld-button ld-quiet" lang={other.code()} onclick={switch}>
                        { if other == Lang::En { "English" } else { "Nederlands" } }
                    </button>
                </header>
                <main>{ body }</main>
            </div>
        </div>
    }
}

fn join_form(lang: Lang, message: Option<String>, send: Callback<Msg>) -> Html {
    let t = |k: LiveText| k.text(lang);
    let onsubmit = Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        let value = |id: &str| {
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(id))
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok())
                .map(|i| i.value())
                .unwrap_or_default()
        };
        send.emit(Msg::Join { code: value("ld-live-code"), name: value("ld-live-name") });
    });
    let code = location_code().unwrap_or_default();
    html! {
        <form class="ld-live-join" {onsubmit} novalidate=true>
            <p>{ t(LiveText::JoinIntro) }</p>
            <div class="ld-field">
                <label for="ld-live-code">{ t(LiveText::Code) }</label>
                <input id="ld-live-code" type="text" value={code} autocomplete="off" autocapitalize="characters"
                    spellcheck="false" aria-describedby="ld-live-code-help" aria-invalid={message.is_some().then_some("true")} />
                <p id="ld-live-code-help" class="ld-live-help">{ t(LiveText::CodeHelp) }</p>
            </div>
            if let Some(m) = message {
                <p class="ld-live-error" role="alert">{ m }</p>
            }
            <div class="ld-field">
                <label for="ld-live-name">{ t(LiveText::YourName) }</label>
                <input id="ld-live-name" type="text" autocomplete="name" maxlength="80" />
            </div>
            <button type="submit" class="ld-button ld-primary ld-live-big">{ t(LiveText::Join) }</button>
        </form>
    }
}

fn in_room(room: &Room, client: &Seated, send: Callback<Msg>) -> Html {
    let lang = room.lang;
    let t = |k: LiveText| k.text(lang);
    let view = client.view();
    let status = match room.status {
        Status::Connecting => t(LiveText::Connecting),
        Status::Open => t(LiveText::Connected),
        Status::Offline => t(LiveText::Offline),
        Status::Stopped => "",
    };
    let problem =
        (room.status == Status::Stopped).then(|| client.problem.map(|p| i18n::live::problem(p, lang))).flatten();
    let refused = client.refused.iter().map(|r| i18n::live::refusal(r, lang)).chain(room.message.clone());
    let refused: Vec<String> = refused.collect();
    let dismiss = send.reform(|_: MouseEvent| Msg::Dismiss);
    let leave = send.reform(|_: MouseEvent| Msg::Leave);
    let waiting = client.waiting();
    html! {
        <>
            <p class={classes!("ld-live-status", (room.status == Status::Offline).then_some("ld-live-offline"))} role="status">
                { status }
                if waiting > 0 && room.status != Status::Open {
                    { format!(" {}: {}", t(LiveText::Waiting), waiting) }
                }
            </p>
            if let Some(p) = problem {
                <div class="ld-live-box ld-live-problem" role="alert">
                    <p>{ p }</p>
                    <button type="button" class="ld-button ld-live-big" onclick={leave}>{ t(LiveText::LeaveRoom) }</button>
                </div>
            }
            if !refused.is_empty() {
                <div class="ld-live-box ld-live-refused" role="alert">
                    <h2>{ t(LiveText::RefusedHeading) }</h2>
                    <ul>{ for refused.iter().map(|r| html! { <li>{ r.clone() }</li> }) }</ul>
                    <button type="button" class="ld-button ld-live-big" onclick={dismiss}>{ t(LiveText::Dismiss) }</button>
                </div>
            }
            if let Some(seat) = view.map(Rc::new) {
                <Write {lang} seat={seat.clone()} group={room.group.clone()} send={send.clone()} />
                <Vote {lang} {seat} name={room.name.clone()} group={room.group.clone()} send={send} />
            }
        </>
    }
}

#[derive(Properties)]
struct PartProps {
    lang: Lang,
    seat: Rc<Seat>,
    #[prop_or_default]
    group: Option<Id>,
    #[prop_or_default]
    name: String,
    send: Callback<Msg>,
}

impl PartialEq for PartProps {
    fn eq(&self, o: &Self) -> bool {
        self.lang == o.lang && *self.seat == *o.seat && self.group == o.group && self.name == o.name
    }
}

/// Writing a card, and one's own cards.
#[function_component]
fn Write(p: &PartProps) -> Html {
    let lang = p.lang;
    let t = |k: LiveText| k.text(lang);
    let draft = use_state(String::new);
    let editing = use_state(|| None::<(Id, String)>);
    let open = p.seat.writing.as_ref();
    let form = open.map(|source| {
        let source_id = source.id.clone();
        let group = p.group.clone();
        let onsubmit = {
            let (send, draft) = (p.send.clone(), draft.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                if draft.trim().is_empty() {
                    return;
                }
                let id = platform::new_id("card");
                let step = SeatStep::AddCard { id, source: source_id.clone(), group: group.clone(), text: draft.trim().into() };
                let draft = draft.clone();
                send.emit(Msg::Do(step, Some(Callback::from(move |_| draft.set(String::new())))));
            })
        };
        let oninput = {
            let draft = draft.clone();
            Callback::from(move |e: InputEvent| draft.set(area_value(&e)))
        };
        let groups = &p.seat.groups;
        let onchange = p.send.reform(|e: Event| Msg::Group(Id::parse(&select_value(&e))));
        html! {
            <form class="ld-live-box" {onsubmit}>
                <h2>{ t(LiveText::WriteHeading) }</h2>
                <p class="ld-live-source">{ format!("{}: ", t(LiveText::WriteUnder)) }<strong>{ source.name.clone() }</strong></p>
                if !groups.is_empty() {
                    <div class="ld-field">
                        <label for="ld-live-group">{ t(LiveText::YourGroup) }</label>
                        <select id="ld-live-group" {onchange}>
                            <option value="" selected={p.group.is_none()}>{ t(LiveText::NoGroup) }</option>
                            { for groups.iter().map(|g| html! {
                                <option value={g.id.to_string()} selected={p.group.as_ref() == Some(&g.id)}>{ g.name.clone() }</option>
                            }) }
                        </select>
                    </div>
                }
                <div class="ld-field">
                    <label for="ld-live-card">{ t(LiveText::CardText) }</label>
                    <textarea id="ld-live-card" rows="3" value={(*draft).clone()} {oninput} />
                </div>
                <button type="submit" class="ld-button ld-primary ld-live-big">{ t(LiveText::AddCard) }</button>
            </form>
        }
    });
    let mine = &p.seat.cards;
    let card = |c: &crate::live::MyCard| {
        let id = c.id.clone();
        let changeable = open.is_some_and(|w| w.id == c.source);
        if let Some((_, text)) = editing.as_ref().filter(|(e, _)| *e == id) {
            let save = {
                let (send, editing, id, text, group) =
                    (p.send.clone(), editing.clone(), id.clone(), text.clone(), c.group.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let step = SeatStep::EditCard { id: id.clone(), text: text.trim().into(), group: group.clone() };
                    let editing = editing.clone();
                    send.emit(Msg::Do(step, Some(Callback::from(move |_| editing.set(None)))));
                })
            };
            let oninput = {
                let (editing, id) = (editing.clone(), id.clone());
                Callback::from(move |e: InputEvent| editing.set(Some((id.clone(), area_value(&e)))))
            };
            let cancel = {
                let editing = editing.clone();
                Callback::from(move |_: MouseEvent| editing.set(None))
            };
            let field = format!("ld-live-edit-{id}");
            return html! {
                <li key={id.to_string()} class="ld-live-card">
                    <form onsubmit={save}>
                        <label for={field.clone()} class="ld-visually-hidden">{ t(LiveText::CardText) }</label>
                        <textarea id={field} rows="3" value={text.clone()} {oninput} />
                        <div class="ld-live-row">
                            <button type="submit" class="ld-button ld-primary ld-live-big">{ t(LiveText::Save) }</button>
                            <button type="button" class="ld-button ld-live-big" onclick={cancel}>{ t(LiveText::Cancel) }</button>
                        </div>
                    </form>
                </li>
            };
        }
        let edit = {
            let (editing, id, text) = (editing.clone(), id.clone(), c.text.clone());
            Callback::from(move |_: MouseEvent| editing.set(Some((id.clone(), text.clone()))))
        };
        let delete = p.send.reform({
            let id = id.clone();
            move |_: MouseEvent| Msg::Do(SeatStep::RemoveCard { id: id.clone() }, None)
        });
        html! {
            <li key={id.to_string()} class="ld-live-card">
                <p>{ c.text.clone() }</p>
                if changeable {
                    <div class="ld-live-row">
                        <button type="button" class="ld-button ld-live-big" onclick={edit}
                            aria-label={format!("{}: {}", t(LiveText::Edit), c.text)}>{ t(LiveText::Edit) }</button>
                        <button type="button" class="ld-button ld-live-big" onclick={delete}
                            aria-label={format!("{}: {}", t(LiveText::Delete), c.text)}>{ t(LiveText::Delete) }</button>
                    </div>
                }
            </li>
        }
    };
    html! {
        <>
            { form.unwrap_or_else(|| html! { <p class="ld-live-box ld-live-closed">{ t(LiveText::WritingClosed) }</p> }) }
            <section class="ld-live-box" aria-labelledby="ld-live-mine">
                <h2 id="ld-live-mine">{ t(LiveText::MyCards) }</h2>
                if mine.is_empty() {
                    <p>{ t(LiveText::NoCards) }</p>
                } else {
                    <ul class="ld-live-cards">{ for mine.iter().map(card) }</ul>
                }
            </section>
        </>
    }
}

/// One's own dots, while voting is open; totals only once revealed.
#[function_component]
fn Vote(p: &PartProps) -> Html {
    let lang = p.lang;
    let t = |k: LiveText| k.text(lang);
    let seat = &p.seat;
    if !seat.voting {
        return html! {
            <section class="ld-live-box" aria-labelledby="ld-live-vote">
                <h2 id="ld-live-vote">{ t(LiveText::VoteHeading) }</h2>
                <p>{ t(LiveText::VotingClosed) }</p>
            </section>
        };
    }
    let Some(voter) = seat.voter.clone() else {
        let name = if p.name.is_empty() { t(LiveText::Anonymous).to_string() } else { p.name.clone() };
        let (send, group) = (p.send.clone(), p.group.clone());
        // A participant who chose a group votes in it, so the split by group counts them there.
        let start = Callback::from(move |_: MouseEvent| {
            let id = platform::new_id("vot");
            send.emit(Msg::Do(SeatStep::AddVoter { id: id.clone(), name: name.clone() }, None));
            if group.is_some() {
                send.emit(Msg::Do(SeatStep::SetVoterGroup { voter: id, group: group.clone() }, None));
            }
        });
        return html! {
            <section class="ld-live-box" aria-labelledby="ld-live-vote">
                <h2 id="ld-live-vote">{ t(LiveText::VoteHeading) }</h2>
                <button type="button" class="ld-button ld-primary ld-live-big" onclick={start}>{ t(LiveText::StartVoting) }</button>
            </section>
        };
    };
    let left = seat.left();
    let rows = seat.clusters.iter().map(|cl| {
        let mine = cl.mine;
        let act = |add: bool| {
            let (voter, cluster) = (voter.clone(), cl.id.clone());
            p.send.reform(move |_: MouseEvent| {
                let (voter, cluster) = (voter.clone(), cluster.clone());
                Msg::Do(if add { SeatStep::CastDot { voter, cluster } } else { SeatStep::WithdrawDot { voter, cluster } }, None)
            })
        };
        html! {
            <li key={cl.id.to_string()} class="ld-live-card">
                <p><strong>{ cl.name.clone() }</strong></p>
                <p>{ i18n::live::your_dots(mine, lang) }
                    if seat.revealed {
                        { format!(" · {}: {}", t(LiveText::Total), cl.total) }
                    }
                </p>
                { recognise(p, &voter, cl) }
                <div class="ld-live-row">
                    <button type="button" class="ld-button ld-live-big" onclick={act(true)} disabled={left == 0}
                        aria-label={format!("{}: {}", t(LiveText::AddDot), cl.name)}>{ "+ " }{ t(LiveText::AddDot) }</button>
                    <button type="button" class="ld-button ld-live-big" onclick={act(false)} disabled={mine == 0}
                        aria-label={format!("{}: {}", t(LiveText::RemoveDot), cl.name)}>{ "− " }{ t(LiveText::RemoveDot) }</button>
                </div>
            </li>
        }
    });
    html! {
        <section class="ld-live-box" aria-labelledby="ld-live-vote">
            <h2 id="ld-live-vote">{ t(LiveText::VoteHeading) }</h2>
            <p class="ld-live-left" role="status">{ i18n::live::dots_left(left, lang) }</p>
            if !seat.revealed {
                <p>{ t(LiveText::Hidden) }</p>
            }
            <ul class="ld-live-cards">{ for rows }</ul>
        </section>
    }
}

/// The participant's own recognition of a cluster.
fn recognise(p: &PartProps, voter: &Id, row: &crate::live::Row) -> Html {
    let lang = p.lang;
    let labels = [LiveText::RecStrong, LiveText::RecLittle, LiveText::RecNot].map(|t| t.text(lang));
    let (voter, cluster) = (voter.clone(), row.id.clone());
    let pick = p.send.reform(move |level| {
        Msg::Do(SeatStep::Recognise { voter: voter.clone(), cluster: cluster.clone(), level: Some(level) }, None)
    });
    let cl = crate::workshop::Cluster { id: row.id.clone(), name: row.name.clone() };
    crate::ui::widgets::recognition_radios(LiveText::Recognise.text(lang), &cl, row.mark, labels, pick)
}

/// The text of the `<textarea>` an event came from.
fn area_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value()
}
