//! The workshop page (`index.html`): the steps from set-up to the charter, with the timer and
//! the projector in the header. The same page, opened with `?leidraad=projector`, is the
//! projector view (see `src/bin/workshop.rs`).

use yew::prelude::*;

use crate::i18n::Lang;
use crate::ui::board::Board;
use crate::ui::charter::CharterView;
use crate::ui::collect::Collect;
use crate::ui::concretise::ConcretiseView;
use crate::ui::header::step_link;
use crate::ui::reduce::ReduceView;
use crate::ui::setup::SetupView;
use crate::ui::{facilitate, AppPage, Config, Page, Phase, Shared, Shell};

/// The workshop page.
pub struct WorkshopPage;

/// The root component of the workshop page.
pub type WorkshopApp = Shell<WorkshopPage>;

impl AppPage for WorkshopPage {
    const PAGE: Page = Page::Workshop;

    fn view(phase: Phase, workshop: Shared) -> Html {
        match phase {
            Phase::Setup => html! { <SetupView {workshop} /> },
            Phase::Collect => html! { <Collect {workshop} /> },
            Phase::Cluster => html! { <Board {workshop} /> },
            Phase::Reduce => html! { <ReduceView {workshop} /> },
            Phase::Concretise => html! { <ConcretiseView {workshop} /> },
            Phase::Charter => html! { <CharterView {workshop} /> },
            // On the after-the-charter page.
            Phase::After => Html::default(),
        }
    }

    /// After the workshop's steps: the after-the-charter page, numbered after the shown steps.
    fn links(config: &Config, lang: Lang) -> (Html, Html) {
        let after =
            step_link(config.href(Page::After), Some(config.first_number(Page::After)), Phase::After.label(lang));
        (Html::default(), after)
    }

    /// The facilitator's menu: the step's timer, the projector and the step's lock.
    fn tools(phase: Phase, workshop: Shared) -> Html {
        html! {
            <facilitate::TimerControl {phase}>
                <facilitate::ProjectorButton />
                <facilitate::LockToggle {phase} {workshop} />
            </facilitate::TimerControl>
        }
    }
}
