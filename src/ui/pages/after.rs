//! The after-the-charter page (`after.html`): the yardstick, congruence, doorfluister-check
//! and versions, on the same workshop, with a way back to the workshop page.

use yew::prelude::*;

use crate::i18n::{CommonText, Lang};
use crate::ui::after::AfterView;
use crate::ui::header::step_link;
use crate::ui::{AppPage, Config, Page, Phase, Shared, Shell};

/// The after-the-charter page.
pub struct AfterPage;

/// The root component of the after-the-charter page.
pub type AfterApp = Shell<AfterPage>;

impl AppPage for AfterPage {
    const PAGE: Page = Page::After;

    fn view(_phase: Phase, workshop: Shared) -> Html {
        html! { <AfterView {workshop} /> }
    }

    /// Before its one step: the way back to the workshop.
    fn links(config: &Config, lang: Lang) -> (Html, Html) {
        (step_link(config.href(Page::Workshop), None, CommonText::BackToWorkshop.get(lang)), Html::default())
    }
}
