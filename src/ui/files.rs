//! (being built: issue 3) The file menu: download, open, merge, Markdown.

use yew::prelude::*;

use super::Shared;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub workshop: Shared,
}

#[function_component(FileMenu)]
pub fn file_menu(_p: &Props) -> Html {
    html! {}
}
