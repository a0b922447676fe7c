//! (being built: issue 3)

use yew::prelude::*;

use super::Shared;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub workshop: Shared,
}

#[function_component(CharterView)]
pub fn view(_p: &Props) -> Html {
    html! {}
}
