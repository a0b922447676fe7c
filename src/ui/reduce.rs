//! Kiezen: dot voting on the clusters (taking turns on one laptop, hidden until revealed),
//! the ranked result, promoting clusters to principles, the 5–8 status, and the tensions.

use yew::prelude::*;

pub(crate) mod split;
mod tensions;

use tensions::TensionMatrix;

use super::platform::{self, new_id};
use super::widgets::{input_value, locked_area, recognition_radios, select_value, TextField};
use super::{use_ctx, Shared};
use crate::charter::{set_status, SetSize};
use crate::i18n::{self, ChooseText, CommonText, Text};
use crate::workshop::{limits, Action, Cluster, Id, Recognition, Stage, Workshop};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub workshop: Shared,
}

/// The reduce phase.
#[function_component(ReduceView)]
pub fn view(p: &Props) -> Html {
    let ctx = use_ctx();
    let w = &p.workshop;
    let turn = use_state(|| None::<Id>);
    // Forget a voter that was removed (or undone).
    let current = turn.as_ref().filter(|id| w.voting.voters.iter().any(|v| &v.id == *id)).cloned();
    let l = |k: &dyn Text| k.text(ctx.lang);
    html! {
        <section class="ld-phase ld-reduce" aria-labelledby="ld-reduce-h">
            <h2 id="ld-reduce-h">{ l(&CommonText::PhaseReduce) }</h2>
            <p class="ld-intro">{ l(&ChooseText::ReduceIntro) }</p>
            // The set's status is said once, with the chosen set below, not here as well.
            { locked_area(&ctx, w, Stage::Reduce, html! { <>
                <div class="ld-reduce-grid">
                    <div>
                        <Rules workshop={p.workshop.clone()} />
                        <Voters workshop={p.workshop.clone()} turn={current.clone()}
                            on_turn={{ let t = turn.clone(); Callback::from(move |v| t.set(v)) }} />
                    </div>
                    <Ballot workshop={p.workshop.clone()} turn={current} />
                </div>
                <Results workshop={p.workshop.clone()} />
                <ChosenSet workshop={p.workshop.clone()} />
                <TensionMatrix workshop={p.workshop.clone()} />
            </> }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub n: usize,
}

/// "5 principes: een goede set." or why not, as a status line (also on the charter screen).
#[function_component(SetStatusLine)]
pub fn set_status_line(p: &StatusProps) -> Html {
    let ctx = use_ctx();
    let good = SetSize::of(p.n) == SetSize::Good;
    html! {
        <p class={classes!("ld-set-status", if good { "ld-set-good" } else { "ld-set-warn" })} role="status" data-set-size={p.n.to_string()}>
            <span aria-hidden="true" class="ld-set-icon">{ if good { "✓" } else { "!" } }</span>
            { set_status(p.n, ctx.lang) }
        </p>
    }
}

#[function_component(Rules)]
fn rules(p: &Props) -> Html {
    let ctx = use_ctx();
    let v = &p.workshop.voting;
    let dots = use_state(|| v.dots_per_voter.to_string());
    let max = use_state(|| v.max_per_cluster.to_string());
    {
        // Follow the workshop (undo, import) when it changes underneath.
        let (dots, max) = (dots.clone(), max.clone());
        use_effect_with((v.dots_per_voter, v.max_per_cluster), move |(d, m)| {
            dots.set(d.to_string());
            max.set(m.to_string());
        });
    }
    let locked = !v.votes.is_empty();
    let onsubmit = {
        let (ctx, dots, max) = (ctx.clone(), dots.clone(), max.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // Anything that is not a number becomes 0, which the domain refuses with a clear message.
            let d = dots.trim().parse().unwrap_or(0);
            let m = max.trim().parse().unwrap_or(0);
            ctx.act(Action::SetVoteRules { dots_per_voter: d, max_per_cluster: m });
        })
    };
    let l = |k: &dyn Text| k.text(ctx.lang);
    html! {
        <form class="ld-card-box ld-rules" {onsubmit} aria-labelledby="ld-rules-h">
            <h3 id="ld-rules-h">{ l(&ChooseText::VoteRules) }</h3>
            <div class="ld-field">
                <label for="ld-dots">{ l(&ChooseText::DotsPerVoter) }</label>
                <input id="ld-dots" type="number" min="1" max="20" value={(*dots).clone()} disabled={locked}
                    oninput={{ let d = dots.clone(); Callback::from(move |e: InputEvent| d.set(input_value(&e))) }} />
            </div>
            <div class="ld-field">
                <label for="ld-max">{ l(&ChooseText::MaxPerCluster) }</label>
                <input id="ld-max" type="number" min="1" max="20" value={(*max).clone()} disabled={locked}
                    oninput={{ let m = max.clone(); Callback::from(move |e: InputEvent| m.set(input_value(&e))) }} />
            </div>
            if locked {
                <p class="ld-hint">{ l(&ChooseText::RulesLocked) }</p>
            } else {
                <button type="submit" class="ld-button">{ l(&ChooseText::SaveRules) }</button>
            }
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct VotersProps {
    workshop: Shared,
    turn: Option<Id>,
    on_turn: Callback<Option<Id>>,
}

#[function_component(Voters)]
fn voters(p: &VotersProps) -> Html {
    let ctx = use_ctx();
    let w = &p.workshop;
    let name = use_state(String::new);
    let l = |k: &dyn Text| k.text(ctx.lang);
    let use_groups = {
        let (ctx, w) = (ctx.clone(), w.clone());
        Callback::from(move |_| {
            for g in &w.setup.groups {
                if !w.voting.voters.iter().any(|v| v.name == g.name) {
                    let id = new_id("vot");
                    ctx.act(Action::AddVoter { id: id.clone(), name: g.name.clone() });
                    ctx.act(Action::SetVoterGroup { voter: id, group: Some(g.id.clone()) });
                }
            }
        })
    };
    let groups_missing = w.setup.groups.iter().any(|g| !w.voting.voters.iter().any(|v| v.name == g.name));
    let onsubmit = {
        let (ctx, name) = (ctx.clone(), name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !name.trim().is_empty() {
                let action = Action::AddVoter { id: new_id("vot"), name: (*name).clone() };
                let name = name.clone();
                ctx.act_then(action, Callback::from(move |()| name.set(String::new())));
            }
        })
    };
    let on_select = p.on_turn.reform(|e: Event| Id::parse(&select_value(&e)));
    let next = {
        let (voters, turn, on_turn) = (w.voting.voters.clone(), p.turn.clone(), p.on_turn.clone());
        Callback::from(move |_| {
            let at = turn.as_ref().and_then(|t| voters.iter().position(|v| &v.id == t));
            let next = match at {
                None => voters.first(),
                Some(i) => voters.get(i + 1),
            };
            on_turn.emit(next.map(|v| v.id.clone()));
        })
    };
    html! {
        <section class="ld-card-box ld-voters" aria-labelledby="ld-voters-h">
            <h3 id="ld-voters-h">{ l(&ChooseText::Voters) }</h3>
            <p class="ld-hint">{ l(&ChooseText::VotersHelp) }</p>
            if w.voting.voters.is_empty() {
                <p class="ld-empty">{ l(&ChooseText::NoVoters) }</p>
            }
            <ul class="ld-voter-list">
            { for w.voting.voters.iter().map(|v| {
                let used = w.voting.dots_used(&v.id);
                let remove = {
                    let (ctx, id, lang) = (ctx.clone(), v.id.clone(), ctx.lang);
                    Callback::from(move |_| {
                        if used == 0 || platform::confirm(ChooseText::RemoveVoterConfirm.get(lang)) {
                            ctx.act(Action::RemoveVoter { id: id.clone() });
                        }
                    })
                };
                let set_group = {
                    let (ctx, voter) = (ctx.clone(), v.id.clone());
                    Callback::from(move |e: Event| {
                        ctx.act(Action::SetVoterGroup { voter: voter.clone(), group: Id::parse(&select_value(&e)) })
                    })
                };
                let group_id = format!("ld-voter-group-{}", v.id);
                html! {
                    <li key={v.id.as_str()} class="ld-row">
                        <span class="ld-voter-name">{ &v.name }</span>
                        if !w.setup.groups.is_empty() {
                            <label class="ld-visually-hidden" for={group_id.clone()}>{ format!("{}: {}", ChooseText::VoterGroup.get(ctx.lang), v.name) }</label>
                            <select id={group_id} class="ld-voter-group" onchange={set_group}>
                                <option value="" selected={v.group.is_none()}>{ ChooseText::NoGroup.get(ctx.lang) }</option>
                                { for w.setup.groups.iter().map(|g| html! {
                                    <option key={g.id.as_str()} value={g.id.to_string()} selected={v.group.as_ref() == Some(&g.id)}>{ &g.name }</option>
                                }) }
                            </select>
                        }
                        <button type="button" class="ld-button ld-quiet ld-small" onclick={remove}
                            aria-label={format!("{}: {}", i18n::CommonText::Delete.get(ctx.lang), v.name)}>{ i18n::CommonText::Delete.get(ctx.lang) }</button>
                    </li>
                }
            }) }
            </ul>
            if !w.voting.voters.is_empty() && !w.setup.groups.is_empty() {
                <p class="ld-hint">{ l(&ChooseText::VoterGroupHelp) }</p>
            }
            if groups_missing {
                <button type="button" class="ld-button" onclick={use_groups}>{ l(&ChooseText::UseGroups) }</button>
            }
            <form class="ld-add ld-row ld-row-end" {onsubmit}>
                <TextField id="ld-voter-new" label={l(&ChooseText::NewVoter)} value={(*name).clone()} max={limits::VOTER}
                    oninput={{ let n = name.clone(); Callback::from(move |v| n.set(v)) }} />
                <button type="submit" class="ld-button">{ l(&ChooseText::AddVoter) }</button>
            </form>
            if !w.voting.voters.is_empty() {
                <div class="ld-turn">
                    <div class="ld-row ld-row-end">
                        <div class="ld-field">
                            <label for="ld-turn">{ l(&ChooseText::Turn) }</label>
                            <select id="ld-turn" onchange={on_select} aria-describedby="ld-turn-help">
                                <option value="" selected={p.turn.is_none()}>{ l(&ChooseText::NobodyTurn) }</option>
                                { for w.voting.voters.iter().map(|v| html! {
                                    <option key={v.id.as_str()} value={v.id.to_string()} selected={p.turn.as_ref() == Some(&v.id)}>{ &v.name }</option>
                                }) }
                            </select>
                        </div>
                        <button type="button" class="ld-button" onclick={next}>{ l(&ChooseText::NextTurn) }</button>
                    </div>
                    <p class="ld-hint" id="ld-turn-help">{ l(&ChooseText::TurnHelp) }</p>
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct BallotProps {
    workshop: Shared,
    turn: Option<Id>,
}

/// The clusters with the current voter's own dots and +/− buttons.
#[function_component(Ballot)]
fn ballot(p: &BallotProps) -> Html {
    let ctx = use_ctx();
    let w = &p.workshop;
    let lang = ctx.lang;
    let voter = p.turn.as_ref().and_then(|t| w.voting.voters.iter().find(|v| &v.id == t));
    let left = voter.map(|v| w.voting.dots_per_voter.saturating_sub(w.voting.dots_used(&v.id)));
    html! {
        <section class="ld-card-box ld-ballot" aria-labelledby="ld-ballot-h">
            <h3 id="ld-ballot-h">{ ChooseText::Clusters.get(lang) }</h3>
            <p class="ld-dots-left" role="status" aria-live="polite">
                { match (voter, left) {
                    (Some(v), Some(left)) => i18n::dots_left(&v.name, left, w.voting.dots_per_voter, lang),
                    _ => ChooseText::ChooseTurn.get(lang).to_string(),
                } }
            </p>
            if w.clusters.is_empty() {
                <p class="ld-empty">{ ChooseText::NoClusters.get(lang) }</p>
            } else if voter.is_some() {
                <p class="ld-hint">{ ChooseText::RecogniseHelp.get(lang) }</p>
            }
            <ul class="ld-ballot-list">
            { for w.clusters.iter().map(|c| html! {
                <BallotRow key={c.id.as_str()} cluster={c.clone()} workshop={p.workshop.clone()} voter={voter.map(|v| v.id.clone())} />
            }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    cluster: Cluster,
    workshop: Shared,
    voter: Option<Id>,
}

#[function_component(BallotRow)]
fn ballot_row(p: &RowProps) -> Html {
    let ctx = use_ctx();
    let w = &p.workshop;
    let c = &p.cluster;
    let lang = ctx.lang;
    let cards = w.cards_in(Some(&c.id)).count();
    let mine = p
        .voter
        .as_ref()
        .and_then(|v| w.voting.votes.iter().find(|x| &x.voter == v && x.cluster == c.id))
        .map(|x| x.dots)
        .unwrap_or(0);
    let used = p.voter.as_ref().map(|v| w.voting.dots_used(v)).unwrap_or(0);
    let act = |add: bool| {
        let (ctx, voter, cluster) = (ctx.clone(), p.voter.clone(), c.id.clone());
        Callback::from(move |_| {
            if let Some(voter) = voter.clone() {
                let cluster = cluster.clone();
                ctx.act(if add { Action::CastDot { voter, cluster } } else { Action::WithdrawDot { voter, cluster } });
            }
        })
    };
    let can_add = p.voter.is_some() && used < w.voting.dots_per_voter && mine < w.voting.max_per_cluster;
    // A greyed-out "+" says why, in words next to it (a phone has no hover to ask).
    let why = (!can_add).then(|| {
        if mine >= w.voting.max_per_cluster {
            ChooseText::MostOnCluster
        } else {
            ChooseText::NoDotsLeft
        }
    });
    let why_id = format!("ld-dot-why-{}", c.id);
    html! {
        <li class="ld-ballot-row" data-cluster-id={c.id.to_string()}>
            <div class="ld-ballot-name">
                <span class="ld-cluster-name">{ &c.name }</span>
                <span class="ld-count">{ i18n::cards(cards, lang) }</span>
                if w.voting.revealed {
                    <span class="ld-total">{ i18n::dots(w.voting.dots_on(&c.id), lang) }</span>
                }
            </div>
            if p.voter.is_some() {
                <div class="ld-dot-controls">
                    <button type="button" class="ld-button ld-small ld-dot-button" disabled={mine == 0} onclick={act(false)}
                        aria-label={format!("{}: {}", ChooseText::DotRemove.get(lang), c.name)}>{ "−" }</button>
                    <span class="ld-my-dots">
                        <span aria-hidden="true">{ if mine == 0 { "·".to_string() } else { "●".repeat(mine as usize) } }</span>
                        <span class="ld-visually-hidden">{ i18n::dots_this_turn(mine, lang) }</span>
                    </span>
                    <button type="button" class="ld-button ld-small ld-dot-button" disabled={!can_add} onclick={act(true)}
                        aria-label={format!("{}: {}", ChooseText::DotAdd.get(lang), c.name)}
                        aria-describedby={why.map(|_| why_id.clone())}>{ "+" }</button>
                </div>
                if let Some(why) = why {
                    <span class="ld-dot-why" id={why_id}>{ why.get(lang) }</span>
                }
                if let Some(voter) = &p.voter {
                    { recognise(&ctx, w, voter, c) }
                }
            }
            // Making a principle is the facilitator's, with the result: not beside the voter's dots.
            if w.principles.iter().any(|x| x.from_cluster.as_ref() == Some(&c.id)) {
                <span class="ld-badge-ok">{ "✓ " }{ ChooseText::IsPrinciple.get(lang) }</span>
            }
        </li>
    }
}

/// The turn's voter marks how strongly they recognise the cluster.
fn recognise(ctx: &super::Ctx, w: &Workshop, voter: &Id, c: &Cluster) -> Html {
    let lang = ctx.lang;
    let labels = [ChooseText::RecStrong, ChooseText::RecLittle, ChooseText::RecNot].map(|t| t.get(lang));
    let pick = {
        let (ctx, voter, cluster) = (ctx.clone(), voter.clone(), c.id.clone());
        Callback::from(move |level: Recognition| {
            ctx.act(Action::Recognise { voter: voter.clone(), cluster: cluster.clone(), level: Some(level) })
        })
    };
    recognition_radios(ChooseText::Recognise.get(lang), c, w.voting.mark(voter, &c.id), labels, pick)
}

#[derive(Properties, PartialEq)]
struct PromoteProps {
    workshop: Shared,
    cluster: Id,
    name: String,
}

#[function_component(PromoteButton)]
fn promote_button(p: &PromoteProps) -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang;
    if p.workshop.principles.iter().any(|x| x.from_cluster.as_ref() == Some(&p.cluster)) {
        return html! { <span class="ld-badge-ok">{ "✓ " }{ ChooseText::IsPrinciple.get(lang) }</span> };
    }
    let onclick = {
        let (ctx, cluster, w) = (ctx.clone(), p.cluster.clone(), p.workshop.clone());
        Callback::from(move |_| {
            act_asking_reopen(&ctx, &w, Action::Promote { id: new_id("pr"), cluster: cluster.clone() })
        })
    };
    html! {
        <button type="button" class="ld-button ld-small" {onclick} aria-label={format!("{}: {}", ChooseText::Promote.get(lang), p.name)}>
            { ChooseText::Promote.get(lang) }
        </button>
    }
}

/// Sends an action that adds a principle to the set or takes one out; when the set was
/// finalised, first says that it will be a draft again and lets the user go on or cancel.
fn act_asking_reopen(ctx: &super::Ctx, w: &Workshop, action: Action) {
    if !w.would_reopen(&action) || platform::confirm(ChooseText::ReopenConfirm.get(ctx.lang)) {
        ctx.act(action);
    }
}

/// The reveal toggle and the ranked list.
#[function_component(Results)]
fn results(p: &Props) -> Html {
    let ctx = use_ctx();
    let w = &p.workshop;
    let lang = ctx.lang;
    let revealed = w.voting.revealed;
    let toggle = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.act(Action::RevealVotes { revealed: !revealed }))
    };
    let ranking = w.ranking();
    let top = ranking.first().map(|(_, n)| *n).unwrap_or(0).max(1);
    html! {
        <section class="ld-card-box ld-results" aria-labelledby="ld-results-h">
            <div class="ld-row">
                <h3 id="ld-results-h">{ ChooseText::Results.get(lang) }</h3>
                if ctx.offers(crate::live::Control::Reveal) {
                    <button type="button" class="ld-button ld-primary" aria-pressed={revealed.to_string()} onclick={toggle}>
                        { if revealed { ChooseText::Hide.get(lang) } else { ChooseText::Reveal.get(lang) } }
                    </button>
                } else {
                    <p class="ld-hint">{ crate::i18n::HostText::OnlyReveal.get(lang) }</p>
                }
            </div>
            if !revealed {
                <p class="ld-hint">{ ChooseText::ResultsHidden.get(lang) }</p>
            } else {
                <ol class="ld-ranked" aria-label={ChooseText::Ranked.get(lang)}>
                { for ranking.iter().map(|(c, n)| html! {
                    <li key={c.id.as_str()} class="ld-ranked-row">
                        <span class="ld-ranked-name">{ &c.name }</span>
                        <span class="ld-bar" aria-hidden="true"><span class="ld-bar-fill" data-w={bar_width(*n, top)}></span></span>
                        <span class="ld-total">{ i18n::dots(*n, lang) }</span>
                        <PromoteButton workshop={p.workshop.clone()} cluster={c.id.clone()} name={c.name.clone()} />
                    </li>
                }) }
                </ol>
                <section class="ld-by-group" aria-labelledby="ld-by-group-h">
                    <h4 id="ld-by-group-h">{ ChooseText::ByGroup.get(lang) }</h4>
                    <p class="ld-hint">{ ChooseText::ByGroupHelp.get(lang) }</p>
                    { split::dominance_notes(w, lang) }
                    { split::split_table(w, lang) }
                </section>
            }
        </section>
    }
}

/// The bar's width in twentieths, as a data attribute the stylesheet maps to a width:
/// inline styles are refused by the strict Content-Security-Policy.
fn bar_width(n: u32, top: u32) -> String {
    (n.saturating_mul(20) / top.max(1)).min(20).to_string()
}

/// The chosen principles: order, remove, add one of your own.
#[function_component(ChosenSet)]
fn chosen_set(p: &Props) -> Html {
    let ctx = use_ctx();
    let w: &Workshop = &p.workshop;
    let lang = ctx.lang;
    let title = use_state(String::new);
    let onsubmit = {
        let (ctx, title, w) = (ctx.clone(), title.clone(), p.workshop.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let action = Action::AddPrinciple { id: new_id("pr"), title: (*title).clone() };
            if w.would_reopen(&action) && !platform::confirm(ChooseText::ReopenConfirm.get(ctx.lang)) {
                return;
            }
            let title = title.clone();
            ctx.act_then(action, Callback::from(move |()| title.set(String::new())));
        })
    };
    let n = w.principles.len();
    html! {
        <section class="ld-card-box ld-chosen" aria-labelledby="ld-chosen-h">
            <h3 id="ld-chosen-h">{ ChooseText::ChosenSet.get(lang) }</h3>
            // "Too few" helps once there is a set to judge; before that, say only that it is empty.
            if n == 0 {
                <p class="ld-empty">{ ChooseText::NoPrinciples.get(lang) }</p>
            } else {
                <SetStatusLine n={n} />
            }
            <ol class="ld-principle-list">
            { for w.principles.iter().enumerate().map(|(i, pr)| {
                let mv = |by: i8| {
                    let (ctx, id) = (ctx.clone(), pr.id.clone());
                    Callback::from(move |_| ctx.act(Action::MovePrinciple { id: id.clone(), by }))
                };
                let has_text = pr.text != Default::default();
                let remove = {
                    let (ctx, id, w) = (ctx.clone(), pr.id.clone(), p.workshop.clone());
                    Callback::from(move |_| {
                        if !has_text || platform::confirm(ChooseText::RemovePrincipleConfirm.get(lang)) {
                            act_asking_reopen(&ctx, &w, Action::RemovePrinciple { id: id.clone() });
                        }
                    })
                };
                html! {
                    <li key={pr.id.as_str()} class="ld-principle-row">
                        <span class="ld-principle-n" aria-hidden="true">{ i + 1 }</span>
                        <span class="ld-principle-title">{ &pr.title }</span>
                        <span class="ld-row">
                            <button type="button" class="ld-button ld-quiet ld-small" disabled={i == 0} onclick={mv(-1)}
                                aria-label={format!("{}: {}", ChooseText::MoveUp.get(lang), pr.title)}>{ "↑" }</button>
                            <button type="button" class="ld-button ld-quiet ld-small" disabled={i + 1 == n} onclick={mv(1)}
                                aria-label={format!("{}: {}", ChooseText::MoveDown.get(lang), pr.title)}>{ "↓" }</button>
                            <button type="button" class="ld-button ld-quiet ld-small" onclick={remove}
                                aria-label={format!("{}: {}", ChooseText::RemovePrinciple.get(lang), pr.title)}>{ ChooseText::RemovePrinciple.get(lang) }</button>
                        </span>
                    </li>
                }
            }) }
            </ol>
            <form class="ld-add ld-row ld-row-end" {onsubmit}>
                <TextField id="ld-own-principle" label={ChooseText::OwnPrinciple.get(lang)} value={(*title).clone()} max={limits::PRINCIPLE_TITLE}
                    oninput={{ let t = title.clone(); Callback::from(move |v| t.set(v)) }} />
                <button type="submit" class="ld-button">{ ChooseText::AddPrinciple.get(lang) }</button>
            </form>
        </section>
    }
}
