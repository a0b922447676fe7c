//! The Live switch before a room is open: what the Live menu offers on a page that is not in
//! a room (go live, or join as a table with a pasted table link), shared by both builds of the
//! workshop page.
//!
//! The workshop page everyone loads (`src/bin/workshop.rs`) holds only this: no room, no
//! socket, no reader of the room's steps. Going live asks for the workshop page's live build
//! (`src/bin/room.rs`, `leidraad-room.js`): this page writes the workshop to the device's
//! storage, leaves the wish in the tab's session storage and reloads; `boot.js` then starts the
//! live build, which reads the workshop back and carries out the wish ([`take_wish`]). A reload
//! while live, or a table link in the address, starts the live build directly (`boot.js`).

use std::rc::Rc;

use yew::prelude::*;

use crate::format;
use crate::i18n::{HostText, Lang};
use crate::live::parse_table_link;
use crate::ui::platform;
use crate::ui::state::{AppState, Msg, Storage};

/// Where the tab keeps what the user asked for until the live build has started (session
/// storage: this tab only; `boot.js` reads the same name).
const WISH_KEY: &str = "leidraad.live.go";

/// What the user asked for on the page without the live build.
#[derive(Clone, Debug, PartialEq)]
pub enum Wish {
    /// Go live with this workshop.
    Lead,
    /// Join this room (code, table key) as a table.
    Table(String, String),
}

impl Wish {
    fn to_text(&self) -> String {
        match self {
            Wish::Lead => "lead".into(),
            Wish::Table(code, key) => format!("table:{code}.{key}"),
        }
    }

    fn from_text(text: &str) -> Option<Wish> {
        if text == "lead" {
            return Some(Wish::Lead);
        }
        let (code, key) = text.strip_prefix("table:")?.split_once('.')?;
        parse_table_link(&crate::live::table_link("", code, key)).map(|(c, k)| Wish::Table(c, k))
    }
}

/// The wish the page without the live build left for this tab, taken (it is carried out once).
pub fn take_wish() -> Option<Wish> {
    let text = platform::take_session(WISH_KEY)?;
    Wish::from_text(&text)
}

/// Props of [`LiveStart`].
#[derive(Properties, PartialEq)]
pub struct LiveStartProps {
    pub lang: Lang,
    /// Whether going live is under way (the button says so and waits).
    pub busy: bool,
    pub go: Callback<()>,
    pub join: Callback<(String, String)>,
}

/// The Live menu of a page that is not in a room: go live, or join as a table.
#[function_component(LiveStart)]
pub fn live_start(p: &LiveStartProps) -> Html {
    let t = |k: HostText| k.get(p.lang);
    let go = p.go.reform(|_: MouseEvent| ());
    html! {
        <details class="ld-menu ld-tool-menu ld-live-menu">
            <summary class="ld-button ld-quiet">{ t(HostText::Menu) }</summary>
            <div class="ld-menu-body ld-menu-pop">
                <p class="ld-hint">{ t(HostText::MenuHelp) }</p>
                <button type="button" class="ld-button ld-primary" disabled={p.busy} onclick={go}>
                    { t(if p.busy { HostText::GoingLive } else { HostText::GoLive }) }
                </button>
                <TableJoin lang={p.lang} join={p.join.clone()} />
            </div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct TableJoinProps {
    lang: Lang,
    join: Callback<(String, String)>,
}

/// On a laptop at a table: paste the table link to join as a table.
#[function_component(TableJoin)]
fn table_join(p: &TableJoinProps) -> Html {
    let t = |k: HostText| k.get(p.lang);
    let typed = use_state(String::new);
    let wrong = use_state(|| false);
    let oninput = {
        let (typed, wrong) = (typed.clone(), wrong.clone());
        Callback::from(move |e: InputEvent| {
            typed.set(crate::ui::widgets::input_value(&e));
            wrong.set(false);
        })
    };
    let onsubmit = {
        let (typed, wrong, join) = (typed.clone(), wrong.clone(), p.join.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_table_link(&typed) {
                Some(link) => join.emit(link),
                None => wrong.set(true),
            }
        })
    };
    html! {
        <form class="ld-live-table-join" {onsubmit}>
            <div class="ld-field">
                <label for="ld-live-table-paste">{ t(HostText::TableLink) }</label>
                <p class="ld-hint" id="ld-live-table-help">{ t(HostText::JoinAsTableHelp) }</p>
                <input id="ld-live-table-paste" type="text" autocomplete="off" spellcheck="false"
                    aria-describedby="ld-live-table-help ld-live-table-error" aria-invalid={wrong.to_string()}
                    value={(*typed).clone()} {oninput} />
                <p class="ld-live-table-error" id="ld-live-table-error" role="alert">{ if *wrong { t(HostText::NotTableLink) } else { "" } }</p>
            </div>
            <p class="ld-hint">{ t(HostText::TableReplaces) }</p>
            <button type="submit" class="ld-button">{ t(HostText::JoinAsTable) }</button>
        </form>
    }
}

/// Props of the Live menu, either build's (`host::LiveMenu`, [`LiveSwitch`]).
#[derive(Properties, PartialEq)]
pub struct MenuProps {
    pub state: UseReducerHandle<AppState>,
}

/// The Live menu of the workshop page without the live build: going live or joining as a
/// table first writes the workshop to this device (never lost by the reload that follows),
/// then reloads into the live build. Where the workshop cannot be written (storage refused, an
/// unreadable stored workshop kept apart, another tab's save), it says so and stays as it is.
#[function_component(LiveSwitch)]
pub fn live_switch(p: &MenuProps) -> Html {
    let state = &p.state;
    let busy = use_state(|| false);
    let ask = {
        let (busy, dispatch, lang) = (busy.clone(), state.dispatcher(), state.lang);
        let (storage, workshop) = (state.storage.clone(), state.history.present_rc());
        Callback::from(move |wish: Wish| {
            if !matches!(storage, Storage::Ok | Storage::NotYet) {
                dispatch.dispatch(Msg::Warn(HostText::SaveFirst.get(lang).into()));
                return;
            }
            busy.set(true);
            let (busy, dispatch, workshop) = (busy.clone(), dispatch.clone(), workshop.clone());
            yew::platform::spawn_local(async move {
                let text: Rc<str> = format::to_json(&workshop).into();
                let saved = platform::save(platform::STORAGE_KEY, text).await;
                if saved && platform::set_session(WISH_KEY, &wish.to_text()) {
                    platform::reload();
                } else {
                    busy.set(false);
                    dispatch.dispatch(Msg::Warn(HostText::NotLive.get(lang).into()));
                }
            });
        })
    };
    html! {
        <LiveStart lang={state.lang} busy={*busy} go={ask.reform(|_| Wish::Lead)}
            join={ask.reform(|(code, key)| Wish::Table(code, key))} />
    }
}

#[cfg(test)]
mod tests {
    use super::Wish;

    #[test]
    fn a_wish_survives_its_text() {
        let key = "0123456789abcdef0123456789abcdef";
        for wish in [Wish::Lead, Wish::Table("ACDEFH".into(), key.into())] {
            assert_eq!(Wish::from_text(&wish.to_text()), Some(wish));
        }
        assert_eq!(Wish::from_text("table:ACDEFH.short"), None);
        assert_eq!(Wish::from_text("leave"), None);
    }
}
