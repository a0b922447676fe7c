//! The shell every page shares: the state, the browser hooks, the header, the banners and the
//! current step's view, which the page renders (see [`AppPage`] and `src/ui/pages/`).

use yew::prelude::*;

use super::banners::{notice_line, StorageBanner};
use super::config::{fresh_workshop, Config};
use super::header::Header;
use super::merge_report::MergePanel;
use super::state::{AppState, Msg, Storage};
use super::steps::{Page, Phase};
use super::{facilitate, hooks, platform, Ctx, Shared};
use crate::i18n::{CommonText, DeviceText, Lang};
use crate::workshop::Workshop;

/// What one page of the app adds to the shell. Each page is a binary (`src/bin/`) that mounts
/// `Shell<ItsPage>`; only the views its `view` names are linked into its wasm.
pub trait AppPage: 'static {
    /// The page in the step table: the steps it shows are the ones listed on it.
    const PAGE: Page;

    /// The view of one of the page's steps.
    fn view(phase: Phase, workshop: Shared) -> Html;

    /// Step-bar items before and after the page's own steps: links to the other pages.
    fn links(config: &Config, lang: Lang) -> (Html, Html);

    /// What the page adds to the header's tools during a step (the facilitator's menu).
    fn tools(_phase: Phase, _workshop: Shared) -> Html {
        Html::default()
    }
}

/// The stored workshop, at the step this tab showed last (after a reload, or back from the
/// after-the-charter page), else at the page's first shown step.
fn initial_state(config: &Config, page: Page) -> AppState {
    let mut state = stored_state(config);
    let shown = config.shown_phases(page);
    let last = platform::remembered_step(page.name()).and_then(|s| Phase::from_slug(&s)).filter(|p| shown.contains(p));
    state.phase = last.or_else(|| shown.first().copied()).unwrap_or(Phase::Setup);
    state
}

fn stored_state(config: &Config) -> AppState {
    let lang =
        config.lang.or_else(|| platform::setting(platform::LANG_KEY).map(|c| Lang::from_code(&c))).unwrap_or_default();
    match &config.start {
        Some(w) => AppState::new((**w).clone(), lang, Storage::Ok),
        // Until the stored workshop is read: a placeholder that is neither shown nor saved.
        None => AppState::new(Workshop::default(), lang, Storage::Loading),
    }
}

/// The shell of a page: the header with its steps, the banners, and the current step.
#[function_component(Shell)]
pub fn shell<P: AppPage>(config: &Config) -> Html {
    let state = use_reducer(|| initial_state(config, P::PAGE));
    let ctx = Ctx { lang: state.lang, dispatch: state.dispatcher(), role: state.role() };
    let autosave_on = config.start.is_none();
    let fresh = {
        let (config, lang) = (config.clone(), state.lang);
        move || fresh_workshop(&config, lang, &mut platform::BrowserIds)
    };
    hooks::use_load(state.dispatcher(), fresh.clone(), state.lang, autosave_on);
    let autosave = hooks::use_autosave(&state, autosave_on);
    hooks::use_save_on_leave(&state, &autosave, autosave_on);
    // Another tab cleared the device: this one forgets the workshop as well, never writing it back.
    let cleared_elsewhere = {
        let (dispatch, fresh) = (state.dispatcher(), fresh.clone());
        Callback::from(move |_| dispatch.dispatch(Msg::ClearDevice { fresh: Box::new(fresh()), cleared: true }))
    };
    hooks::use_storage_events(state.dispatcher(), &autosave, cleared_elsewhere);
    hooks::use_shortcuts(state.dispatcher());
    hooks::use_remember_lang(state.lang);
    hooks::use_dismiss_menus(state.phase);
    hooks::use_crash_test(config.crash_test && state.storage != Storage::Loading);

    // "Clear this device": nothing of this workshop stays in storage, in the pending autosave
    // or in the undo history (a shared laptop in a public session).
    let on_clear = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| {
            autosave.cancel();
            let (dispatch, fresh) = (dispatch.clone(), fresh.clone());
            yew::platform::spawn_local(async move {
                let cleared = platform::clear_device().await;
                dispatch.dispatch(Msg::ClearDevice { fresh: Box::new(fresh()), cleared });
            });
        })
    };

    let shown = config.shown_phases(P::PAGE);
    let phase = if shown.contains(&state.phase) { state.phase } else { shown.first().copied().unwrap_or(Phase::Setup) };
    let workshop = Shared(state.history.present_rc());
    facilitate::use_projector_feed(phase, config.numbering(P::PAGE, phase), state.lang, workshop.clone());
    use_effect_with(phase, |phase| platform::remember_step(P::PAGE.name(), phase.slug()));
    let (links_before, links_after) = P::links(config, state.lang);

    if state.storage == Storage::Loading {
        // Nothing to act on yet: no empty workshop that could be typed in and then lost.
        return html! {
            <div class="leidraad" lang={state.lang.code()}>
                <p class="ld-loading" role="status">{ ctx.t(DeviceText::Loading) }</p>
            </div>
        };
    }
    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
        <ContextProvider<Config> context={config.clone()}>
        <div class="leidraad" lang={state.lang.code()} data-phase={phase.slug()}>
            <a class="ld-skip" href="#ld-main" onclick={Callback::from(|e: MouseEvent| {
                // Focus the content without touching the host page's URL hash or history.
                e.prevent_default();
                platform::focus("#ld-main");
            })}>{ ctx.t(CommonText::SkipToContent) }</a>
            <Header state={state.clone()} phases={shown} first_number={config.first_number(P::PAGE)} {on_clear}
                {links_before} {links_after} tools={P::tools(phase, workshop.clone())} />
            <StorageBanner storage={state.storage.clone()} space_low={state.space_low} workshop={workshop.clone()} config={config.clone()} />
            { notice_line(state.notice.as_ref(), &ctx) }
            // Only while a merge has something to show: the panel is in the workshop page's
            // later part (scripts/split-later.txt), which a first visit does not wait for.
            if state.last_merge.is_some() || !workshop.disagreements.is_empty() {
                <MergePanel workshop={workshop.clone()} report={state.last_merge.clone()} />
            }
            <div class="ld-live ld-visually-hidden" role="status" aria-live="assertive" aria-atomic="true">{ state.announcement.clone() }</div>
            <main id="ld-main" class="ld-main" tabindex="-1">
                <facilitate::LockBar {phase} workshop={workshop.clone()} />
                { P::view(phase, workshop) }
            </main>
        </div>
        </ContextProvider<Config>>
        </ContextProvider<Ctx>>
    }
}
