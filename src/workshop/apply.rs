//! The one place where a workshop changes. Each arm checks everything first and only then
//! changes state, so a refused action leaves the workshop exactly as it was.

use super::action::{Action, SetupField};
use super::after::*;
use super::applied::{Applied, CardMove, Change};
use super::error::{DomainError as E, Field};
use super::fields::PrincipleField;
use super::limits;
use super::model::*;
use super::Id;

impl Workshop {
    /// Applies one action: changes the workshop and says what happened, or returns why not
    /// and changes nothing.
    pub fn apply(&mut self, action: Action) -> Result<Applied, E> {
        if let Some(stage) = action.stage() {
            if self.locks.contains(&stage) {
                return Err(E::Locked(stage));
            }
        }
        // A final set that gains or loses a principle is a draft again: finalise anew.
        let changes_set = action.changes_set();
        let was_final = self.finalised.is_some();
        // What may be deleted is remembered, so a merged file does not bring it back.
        let before: Option<Vec<Id>> = action.deletes().then(|| self.all_ids().cloned().collect());
        let change = self.apply_unlocked(action)?;
        if let Some(before) = before {
            self.bury(before);
        }
        self.drop_moot_disagreements();
        if changes_set {
            self.finalised = None;
        }
        Ok(Applied { change, reopened: changes_set && was_final })
    }

    /// Whether applying `action` would turn the finalised set back into a draft, so the screen
    /// can say so and let the user go on or cancel before it happens. Tried on a copy, so it
    /// agrees with `apply` exactly (a refused action reopens nothing); only a final set is copied.
    pub fn would_reopen(&self, action: &Action) -> bool {
        self.finalised.is_some()
            && action.changes_set()
            && self.clone().apply(action.clone()).is_ok_and(|applied| applied.reopened)
    }

    pub(super) fn apply_unlocked(&mut self, action: Action) -> Result<Change, E> {
        // Most actions have nothing to tell beyond themselves; the arms that do set this.
        let mut change = Change::Done;
        match action {
            Action::EditSetup { field, value } => {
                let (f, max) = match field {
                    SetupField::Title => (Field::Title, limits::TITLE),
                    SetupField::Organisation => (Field::Organisation, limits::ORGANISATION),
                    SetupField::Date => (Field::Date, limits::DATE),
                    SetupField::Facilitator => (Field::Facilitator, limits::FACILITATOR),
                };
                let value = limits::one_line(&value, f, max, false)?;
                let slot = match field {
                    SetupField::Title => &mut self.setup.title,
                    SetupField::Organisation => &mut self.setup.organisation,
                    SetupField::Date => &mut self.setup.date,
                    SetupField::Facilitator => &mut self.setup.facilitator,
                };
                *slot = value;
            }
            Action::AddOutcome { id, text } => {
                let text = limits::one_line(&text, Field::Outcome, limits::OUTCOME, true)?;
                self.fresh(&id, Field::Outcome)?;
                self.setup.outcomes.push(Outcome { id, text });
            }
            Action::EditOutcome { id, text } => {
                let text = limits::one_line(&text, Field::Outcome, limits::OUTCOME, true)?;
                find_mut(&mut self.setup.outcomes, &id, |o| &o.id, Field::Outcome)?.text = text;
            }
            Action::RemoveOutcome { id } => {
                let at = index(&self.setup.outcomes, &id, |o| &o.id, Field::Outcome)?;
                self.setup.outcomes.remove(at);
                // The outcome's indicators go with it (undo brings both back).
                self.after.indicators.retain(|i| i.outcome != id);
                for p in &mut self.principles {
                    if p.outcome.as_ref() == Some(&id) {
                        p.outcome = None;
                    }
                }
            }
            Action::AddGroup { id, name } => {
                let name = limits::one_line(&name, Field::Group, limits::GROUP, true)?;
                self.fresh(&id, Field::Group)?;
                self.setup.groups.push(Group { id, name });
            }
            Action::RenameGroup { id, name } => {
                let name = limits::one_line(&name, Field::Group, limits::GROUP, true)?;
                find_mut(&mut self.setup.groups, &id, |g| &g.id, Field::Group)?.name = name;
            }
            Action::RemoveGroup { id } => {
                let at = index(&self.setup.groups, &id, |g| &g.id, Field::Group)?;
                let cards = self.cards.iter().filter(|c| c.group.as_ref() == Some(&id)).count();
                if cards > 0 {
                    return Err(E::GroupInUse { cards });
                }
                self.setup.groups.remove(at);
                // A voter is no one's writing: it simply belongs to no group any more.
                for v in &mut self.voting.voters {
                    if v.group.as_ref() == Some(&id) {
                        v.group = None;
                    }
                }
            }

            Action::AddSource { id, kind, title, notes } => {
                let title = limits::one_line(&title, Field::Source, limits::SOURCE_TITLE, true)?;
                let notes = limits::optional(&notes, Field::SourceNotes, limits::SOURCE_NOTES)?;
                self.fresh(&id, Field::Source)?;
                self.sources.push(Source { id, kind, title, notes, answers: Vec::new() });
            }
            Action::EditSource { id, title, notes } => {
                let title = limits::one_line(&title, Field::Source, limits::SOURCE_TITLE, true)?;
                let notes = limits::optional(&notes, Field::SourceNotes, limits::SOURCE_NOTES)?;
                let source = find_mut(&mut self.sources, &id, |s| &s.id, Field::Source)?;
                source.title = title;
                source.notes = notes;
            }
            Action::RemoveSource { id } => {
                let at = index(&self.sources, &id, |s| &s.id, Field::Source)?;
                self.sources.remove(at);
                self.cards.retain(|c| c.source != id);
            }
            Action::AddCard { id, source, group, text } => {
                self.add_card(Card::from(CardData { id, text, source, group, cluster: None, question: None }))?;
            }
            Action::AddAnswerCard { id, source, question, group, text } => {
                self.add_card(Card::from(CardData {
                    id,
                    text,
                    source,
                    group,
                    cluster: None,
                    question: Some(question),
                }))?;
            }
            Action::AnswerRoute { source, question, text } => {
                let text = limits::optional(&text, Field::Answer, limits::ROUTE_ANSWER)?;
                let source = find_mut(&mut self.sources, &source, |s| &s.id, Field::Source)?;
                let at = source.answers.iter().position(|a| a.question == question);
                match at {
                    // Taking an answer away is always allowed (also one of another route's
                    // questions, which a merge that changed the source's type can leave).
                    Some(at) if text.is_empty() => {
                        source.answers.remove(at);
                    }
                    None if text.is_empty() => {}
                    _ if question.kind() != source.kind => return Err(E::NotFound(Field::Question)),
                    Some(at) => source.answers[at].text = text,
                    None => {
                        source.answers.push(RouteAnswer { question, text });
                        // In the route's question order, whatever order they were answered in.
                        source.answers.sort_by_key(|a| a.question as u8);
                    }
                }
            }
            Action::EditCard { id, text, group } => {
                let text = limits::required(&text, Field::Card, limits::CARD)?;
                self.known_group(group.as_ref())?;
                let card = find_mut(&mut self.cards, &id, |c| &c.id, Field::Card)?;
                card.text = text;
                card.group = group;
            }
            Action::RemoveCard { id } => {
                let at = index(&self.cards, &id, |c| &c.id, Field::Card)?;
                self.cards.remove(at);
            }

            Action::CreateCluster { id, name } => {
                let name = limits::one_line(&name, Field::Cluster, limits::CLUSTER, true)?;
                self.fresh(&id, Field::Cluster)?;
                self.clusters.push(Cluster { id, name });
            }
            Action::RenameCluster { id, name } => {
                let name = limits::one_line(&name, Field::Cluster, limits::CLUSTER, true)?;
                find_mut(&mut self.clusters, &id, |c| &c.id, Field::Cluster)?.name = name;
            }
            Action::MoveCards { cards, to } => {
                self.check_cards(&cards)?;
                if let Some(to) = &to {
                    index(&self.clusters, to, |c| &c.id, Field::Cluster)?;
                }
                change = self.move_cards(&cards, to);
            }
            Action::ClusterCards { id, name, cards } | Action::AcceptSuggestion { id, name, cards } => {
                let name = limits::one_line(&name, Field::Cluster, limits::CLUSTER, true)?;
                self.fresh(&id, Field::Cluster)?;
                self.check_cards(&cards)?;
                self.clusters.push(Cluster { id: id.clone(), name });
                change = self.move_cards(&cards, Some(id));
            }
            Action::MergeClusters { from, into } => {
                if from == into {
                    return Err(E::SameCluster);
                }
                let at = index(&self.clusters, &from, |c| &c.id, Field::Cluster)?;
                index(&self.clusters, &into, |c| &c.id, Field::Cluster)?;
                self.not_promoted(&from)?;
                self.clusters.remove(at);
                for card in &mut self.cards {
                    if card.cluster.as_ref() == Some(&from) {
                        card.cluster = Some(into.clone());
                    }
                }
                self.move_votes(&from, &into);
            }
            Action::Ungroup { id } => {
                let at = index(&self.clusters, &id, |c| &c.id, Field::Cluster)?;
                self.not_promoted(&id)?;
                self.clusters.remove(at);
                for card in &mut self.cards {
                    if card.cluster.as_ref() == Some(&id) {
                        card.cluster = None;
                    }
                }
                self.voting.votes.retain(|v| v.cluster != id);
                self.voting.marks.retain(|m| m.cluster != id);
            }

            Action::SetVoteRules { dots_per_voter, max_per_cluster } => {
                let (lo, hi) = (limits::DOTS_MIN, limits::DOTS_MAX);
                if !(lo..=hi).contains(&dots_per_voter) {
                    return Err(E::OutOfRange { what: Field::Voter, min: lo, max: hi });
                }
                if !(1..=dots_per_voter).contains(&max_per_cluster) {
                    return Err(E::OutOfRange { what: Field::Cluster, min: 1, max: dots_per_voter });
                }
                if !self.voting.votes.is_empty() {
                    return Err(E::VotesAlreadyCast);
                }
                self.voting.dots_per_voter = dots_per_voter;
                self.voting.max_per_cluster = max_per_cluster;
            }
            Action::AddVoter { id, name } => {
                let name = limits::one_line(&name, Field::Voter, limits::VOTER, true)?;
                self.fresh(&id, Field::Voter)?;
                self.voting.voters.push(Voter { id, name, group: None });
            }
            Action::RemoveVoter { id } => {
                let at = index(&self.voting.voters, &id, |v| &v.id, Field::Voter)?;
                self.voting.voters.remove(at);
                self.voting.votes.retain(|v| v.voter != id);
                self.voting.marks.retain(|m| m.voter != id);
            }
            Action::SetVoterGroup { voter, group } => {
                self.known_group(group.as_ref())?;
                find_mut(&mut self.voting.voters, &voter, |v| &v.id, Field::Voter)?.group = group;
            }
            Action::Recognise { voter, cluster, level } => {
                index(&self.voting.voters, &voter, |v| &v.id, Field::Voter)?;
                index(&self.clusters, &cluster, |c| &c.id, Field::Cluster)?;
                let marks = &mut self.voting.marks;
                let at = marks.iter().position(|m| m.voter == voter && m.cluster == cluster);
                match (level, at) {
                    (Some(level), Some(at)) => marks[at].level = level,
                    (Some(level), None) => marks.push(Mark { voter, cluster, level }),
                    (None, Some(at)) => {
                        marks.remove(at);
                    }
                    (None, None) => {}
                }
            }
            Action::CastDot { voter, cluster } => {
                index(&self.voting.voters, &voter, |v| &v.id, Field::Voter)?;
                index(&self.clusters, &cluster, |c| &c.id, Field::Cluster)?;
                if self.voting.dots_used(&voter) >= self.voting.dots_per_voter {
                    return Err(E::NoDotsLeft);
                }
                let max = self.voting.max_per_cluster;
                match self.voting.votes.iter_mut().find(|v| v.voter == voter && v.cluster == cluster) {
                    Some(v) if v.dots >= max => return Err(E::MaxPerCluster(max)),
                    Some(v) => v.dots += 1,
                    None => self.voting.votes.push(Vote { voter, cluster, dots: 1 }),
                }
            }
            Action::WithdrawDot { voter, cluster } => {
                let at = self
                    .voting
                    .votes
                    .iter()
                    .position(|v| v.voter == voter && v.cluster == cluster)
                    .ok_or(E::NoDotToWithdraw)?;
                let vote = &mut self.voting.votes[at];
                vote.dots -= 1;
                if vote.dots == 0 {
                    self.voting.votes.remove(at);
                }
            }
            Action::RevealVotes { revealed } => self.voting.revealed = revealed,
            Action::Promote { id, cluster } => {
                self.room_in_set()?;
                self.fresh(&id, Field::Principle)?;
                let name = find(&self.clusters, &cluster, |c| &c.id, Field::Cluster)?.name.clone();
                if self.principles.iter().any(|p| p.from_cluster.as_ref() == Some(&cluster)) {
                    return Err(E::AlreadyPromoted);
                }
                let title: String = name.chars().take(limits::PRINCIPLE_TITLE).collect();
                change = Change::PrincipleAdded(id.clone());
                self.principles.push(Principle {
                    id,
                    from_cluster: Some(cluster),
                    title: title.trim().to_string(),
                    kind: PrincipleKind::default(),
                    text: PrincipleText::default(),
                    outcome: None,
                });
            }
            Action::AddPrinciple { id, title } => {
                let title = limits::one_line(&title, Field::Principle, limits::PRINCIPLE_TITLE, true)?;
                self.room_in_set()?;
                self.fresh(&id, Field::Principle)?;
                change = Change::PrincipleAdded(id.clone());
                self.principles.push(Principle {
                    id,
                    from_cluster: None,
                    title,
                    kind: PrincipleKind::default(),
                    text: PrincipleText::default(),
                    outcome: None,
                });
            }
            Action::RemovePrinciple { id } => {
                let at = index(&self.principles, &id, |p| &p.id, Field::Principle)?;
                self.principles.remove(at);
                self.tensions.retain(|t| t.a != id && t.b != id);
                self.after.assessments.retain(|a| a.principle != id);
                self.after.congruence.retain(|c| c.principle != id);
                self.after.whispers.retain(|w| w.principle != id);
                self.after.owners.retain(|o| o.principle != id);
                self.after.tasks.retain(|t| t.principle != id);
                self.after.assumptions.retain(|a| a.principle != id);
                change = Change::PrincipleRemoved(id);
            }
            Action::MovePrinciple { id, by } => {
                let at = index(&self.principles, &id, |p| &p.id, Field::Principle)?;
                let to = at as i64 + i64::from(by.signum());
                if to >= 0 && (to as usize) < self.principles.len() {
                    self.principles.swap(at, to as usize);
                }
            }
            Action::SetTension { id, a, b, note, priority } => {
                let note = limits::optional(&note, Field::Tension, limits::TENSION_NOTE)?;
                if a == b {
                    return Err(E::TensionNeedsTwo);
                }
                index(&self.principles, &a, |p| &p.id, Field::Principle)?;
                index(&self.principles, &b, |p| &p.id, Field::Principle)?;
                if let Some(p) = &priority {
                    if *p != a && *p != b {
                        return Err(E::PriorityNotInTension);
                    }
                }
                let same_pair = |t: &Tension| (t.a == a && t.b == b) || (t.a == b && t.b == a);
                match self.tensions.iter().position(|t| t.id == id) {
                    Some(at) => {
                        if self.tensions.iter().any(|t| t.id != id && same_pair(t)) {
                            return Err(E::TensionExists);
                        }
                        self.tensions[at] = Tension { id, a, b, note, priority };
                    }
                    None => {
                        if self.tensions.iter().any(same_pair) {
                            return Err(E::TensionExists);
                        }
                        self.fresh(&id, Field::Tension)?;
                        self.tensions.push(Tension { id, a, b, note, priority });
                    }
                }
            }
            Action::RemoveTension { id } => {
                let at = index(&self.tensions, &id, |t| &t.id, Field::Tension)?;
                self.tensions.remove(at);
            }

            Action::EditPrinciple { id, field, value } => {
                let (what, max) = (field.error_field(), field.limit());
                let value = if field == PrincipleField::Title {
                    limits::one_line(&value, what, max, true)?
                } else {
                    limits::optional(&value, what, max)?
                };
                if field.spec().is_none() {
                    // Only a closing question can name a field past the table: past the sixth.
                    return Err(E::OutOfRange { what: Field::PrincipleText, min: 0, max: 5 });
                }
                let p = find_mut(&mut self.principles, &id, |p| &p.id, Field::Principle)?;
                if let Some(slot) = field.slot(p) {
                    *slot = value;
                }
            }
            Action::SetPrincipleKind { id, kind } => {
                find_mut(&mut self.principles, &id, |p| &p.id, Field::Principle)?.kind = kind;
            }
            Action::SetPrincipleOutcome { id, outcome } => {
                if let Some(o) = &outcome {
                    index(&self.setup.outcomes, o, |o| &o.id, Field::Outcome)?;
                }
                find_mut(&mut self.principles, &id, |p| &p.id, Field::Principle)?.outcome = outcome;
            }

            Action::Finalise { reason } => {
                let reason = match reason {
                    Some(r) => Some(limits::optional(&r, Field::Reason, limits::REASON)?).filter(|r| !r.is_empty()),
                    None => None,
                };
                if !self.set_size_ok() && reason.is_none() {
                    return Err(E::ReasonRequired);
                }
                self.finalised = Some(Finalised { reason });
            }
            Action::Reopen => self.finalised = None,
            Action::AddOption { id, title, description, amount } => {
                let title = limits::one_line(&title, Field::BudgetOption, limits::OPTION_TITLE, true)?;
                let description = limits::optional(&description, Field::Note, limits::OPTION_DESCRIPTION)?;
                let amount = limits::one_line(&amount, Field::Note, limits::OPTION_AMOUNT, false)?;
                self.fresh(&id, Field::BudgetOption)?;
                self.after.options.push(BudgetOption { id, title, description, amount });
            }
            Action::EditOption { id, title, description, amount } => {
                let title = limits::one_line(&title, Field::BudgetOption, limits::OPTION_TITLE, true)?;
                let description = limits::optional(&description, Field::Note, limits::OPTION_DESCRIPTION)?;
                let amount = limits::one_line(&amount, Field::Note, limits::OPTION_AMOUNT, false)?;
                let o = find_mut(&mut self.after.options, &id, |o| &o.id, Field::BudgetOption)?;
                *o = BudgetOption { id, title, description, amount };
            }
            Action::RemoveOption { id } => {
                let at = index(&self.after.options, &id, |o| &o.id, Field::BudgetOption)?;
                self.after.options.remove(at);
                self.after.assessments.retain(|a| a.option != id);
            }
            Action::Assess { option, principle, verdict, reason } => {
                let reason = limits::optional(&reason, Field::Note, limits::AFTER_NOTE)?;
                index(&self.after.options, &option, |o| &o.id, Field::BudgetOption)?;
                index(&self.principles, &principle, |p| &p.id, Field::Principle)?;
                let at = self.after.assessments.iter().position(|a| a.option == option && a.principle == principle);
                match (verdict, at) {
                    (Some(verdict), Some(at)) => {
                        self.after.assessments[at] = Assessment { option, principle, verdict, reason };
                    }
                    (Some(verdict), None) => {
                        self.after.assessments.push(Assessment { option, principle, verdict, reason })
                    }
                    (None, Some(at)) => {
                        self.after.assessments.remove(at);
                    }
                    (None, None) => {}
                }
            }
            Action::AnswerCongruence { principle, area, question, answer, note } => {
                let note = limits::optional(&note, Field::Note, limits::AFTER_NOTE)?;
                index(&self.principles, &principle, |p| &p.id, Field::Principle)?;
                if question >= area.questions() {
                    return Err(E::OutOfRange { what: Field::Question, min: 0, max: u32::from(area.questions()) - 1 });
                }
                let list = &mut self.after.congruence;
                let at = list.iter().position(|c| c.principle == principle && c.area == area && c.question == question);
                match (answer, at) {
                    (Some(answer), Some(at)) => list[at] = CongruenceAnswer { principle, area, question, answer, note },
                    (Some(answer), None) => list.push(CongruenceAnswer { principle, area, question, answer, note }),
                    (None, Some(at)) => {
                        list.remove(at);
                    }
                    (None, None) => {}
                }
            }
            Action::AddWhisper { id, principle, layer, author, text } => {
                let text = limits::required(&text, Field::Whisper, limits::WHISPER)?;
                let author = limits::one_line(&author, Field::Whisper, limits::WHISPER_AUTHOR, false)?;
                self.fresh(&id, Field::Whisper)?;
                index(&self.principles, &principle, |p| &p.id, Field::Principle)?;
                self.after.whispers.push(Whisper { id, principle, layer, author, text });
            }
            Action::RemoveWhisper { id } => {
                let at = index(&self.after.whispers, &id, |w| &w.id, Field::Whisper)?;
                self.after.whispers.remove(at);
            }
            Action::SaveVersion { id, name, date } => {
                let name = limits::one_line(&name, Field::Version, limits::VERSION_NAME, true)?;
                let date = limits::one_line(&date, Field::Date, limits::DATE, false)?;
                self.fresh(&id, Field::Version)?;
                if self.principles.is_empty() {
                    return Err(E::Empty(Field::Principle));
                }
                let principles = self
                    .principles
                    .iter()
                    .map(|p| PrincipleSnapshot {
                        id: p.id.clone(),
                        title: p.title.clone(),
                        meaning: p.text.meaning.clone(),
                        kind: p.kind,
                    })
                    .collect();
                self.after.versions.push(CharterVersion { id, name, date, principles });
            }
            Action::RemoveVersion { id } => {
                let at = index(&self.after.versions, &id, |v| &v.id, Field::Version)?;
                self.after.versions.remove(at);
            }
            Action::SetEvaluationDate { date } => {
                self.after.evaluation_date = limits::one_line(&date, Field::Date, limits::DATE, false)?;
            }

            // --- In practice, after the workshop (format version 3).
            Action::SetOwners(Ownership { principle, owner, ambassadors }) => {
                let owner = limits::one_line(&owner, Field::Person, limits::PERSON, false)?;
                let mut names = Vec::with_capacity(ambassadors.len().min(limits::AMBASSADORS));
                for a in &ambassadors {
                    let a = limits::one_line(a, Field::Person, limits::PERSON, false)?;
                    if !a.is_empty() && !names.contains(&a) {
                        names.push(a);
                    }
                }
                if names.len() > limits::AMBASSADORS {
                    return Err(E::TooMany { what: Field::Person, max: limits::AMBASSADORS });
                }
                index(&self.principles, &principle, |p| &p.id, Field::Principle)?;
                let list = &mut self.after.owners;
                let at = list.iter().position(|o| o.principle == principle);
                let empty = owner.is_empty() && names.is_empty();
                match (at, empty) {
                    (Some(at), true) => {
                        list.remove(at);
                    }
                    (Some(at), false) => list[at] = Ownership { principle, owner, ambassadors: names },
                    (None, false) => list.push(Ownership { principle, owner, ambassadors: names }),
                    (None, true) => {}
                }
            }
            Action::SetAdoption(Adoption { by, planned, decided, reference }) => {
                let planned = limits::iso_date(&planned, Field::Date)?;
                let decided = limits::iso_date(&decided, Field::Date)?;
                let reference = limits::one_line(&reference, Field::Reference, limits::DECISION_REFERENCE, false)?;
                self.after.adoption = Adoption { by, planned, decided, reference };
            }
            Action::SetTask(task) => {
                let Task { id, principle, implication, who, what, due, status } = *task;
                let what = limits::one_line(&what, Field::Task, limits::TASK_WHAT, true)?;
                let who = limits::one_line(&who, Field::Task, limits::TASK_WHO, false)?;
                let due = limits::iso_date(&due, Field::Date)?;
                index(&self.principles, &principle, |p| &p.id, Field::Principle)?;
                let task = Task { id, principle, implication, who, what, due, status };
                self.upsert(|w| &mut w.after.tasks, task, |t| &t.id, limits::TASKS, Field::Task)?;
            }
            Action::RemoveTask(id) => {
                let at = index(&self.after.tasks, &id, |t| &t.id, Field::Task)?;
                self.after.tasks.remove(at);
            }
            Action::SetIndicator(i) => {
                let text = |t: &str, max| limits::one_line(t, Field::Indicator, max, false);
                let indicator = Indicator {
                    name: limits::one_line(&i.name, Field::Indicator, limits::INDICATOR_NAME, true)?,
                    source: text(&i.source, limits::INDICATOR_SOURCE)?,
                    baseline: text(&i.baseline, limits::INDICATOR_VALUE)?,
                    baseline_date: limits::iso_date(&i.baseline_date, Field::Date)?,
                    target: text(&i.target, limits::INDICATOR_VALUE)?,
                    measured: text(&i.measured, limits::INDICATOR_VALUE)?,
                    measured_date: limits::iso_date(&i.measured_date, Field::Date)?,
                    id: i.id,
                    outcome: i.outcome,
                };
                index(&self.setup.outcomes, &indicator.outcome, |o| &o.id, Field::Outcome)?;
                self.upsert(|w| &mut w.after.indicators, indicator, |i| &i.id, limits::INDICATORS, Field::Indicator)?;
            }
            Action::RemoveIndicator(id) => {
                let at = index(&self.after.indicators, &id, |i| &i.id, Field::Indicator)?;
                self.after.indicators.remove(at);
            }
            Action::CheckAssumption { principle, answer, note } => {
                let note = limits::optional(&note, Field::Note, limits::AFTER_NOTE)?;
                index(&self.principles, &principle, |p| &p.id, Field::Principle)?;
                let list = &mut self.after.assumptions;
                let at = list.iter().position(|a| a.principle == principle);
                match (answer, at) {
                    (Some(answer), Some(at)) => list[at] = AssumptionCheck { principle, answer, note },
                    (Some(answer), None) => list.push(AssumptionCheck { principle, answer, note }),
                    (None, Some(at)) => {
                        list.remove(at);
                    }
                    (None, None) => {}
                }
            }
            Action::SetEvaluation(Evaluation { held, decision, note }) => {
                let held = limits::iso_date(&held, Field::Date)?;
                let note = limits::optional(&note, Field::Note, limits::AFTER_NOTE)?;
                self.after.evaluation = Evaluation { held, decision, note };
            }
            Action::SetLock { stage, locked } => {
                self.locks.retain(|s| *s != stage);
                if locked {
                    self.locks.push(stage);
                    crate::order::sort(&mut self.locks);
                }
            }

            Action::Replace { workshop } => {
                // Checked when it was made (reading the file): not again.
                *self = workshop.into_inner();
                change = Change::Replaced;
            }
            Action::Merge { other } => {
                let merged = super::merge::merged(self, &other)?;
                // A lock is the facilitator's decision: a file may not change a locked step
                // behind their back (it would, say, add cards while Verzamelen is locked).
                if let Some(stage) = self.locks.iter().find(|s| self.stage_differs(&merged.workshop, **s)) {
                    return Err(E::MergeLocked(*stage));
                }
                *self = merged.workshop;
                change = Change::Merged(merged.report);
            }
            Action::Decide { about, theirs, keep } => self.decide(&about, &theirs, keep)?,
            Action::Restore { item } => self.restore(*item)?,
        }
        Ok(change)
    }

    /// Whether `other` differs from this workshop in what `stage` governs.
    fn stage_differs(&self, other: &Workshop, stage: Stage) -> bool {
        let texts = |w: &Workshop| -> Vec<(Id, String, Id, Option<Id>)> {
            w.cards.iter().map(|c| (c.id.clone(), c.text.clone(), c.source.clone(), c.group.clone())).collect()
        };
        let places = |w: &Workshop| -> Vec<(Id, Option<Id>)> {
            w.cards.iter().map(|c| (c.id.clone(), c.cluster.clone())).collect()
        };
        let set = |w: &Workshop| -> Vec<(Id, Option<Id>)> {
            w.principles.iter().map(|p| (p.id.clone(), p.from_cluster.clone())).collect()
        };
        match stage {
            Stage::Setup => self.setup != other.setup,
            Stage::Collect => self.sources != other.sources || texts(self) != texts(other),
            Stage::Cluster => self.clusters != other.clusters || places(self) != places(other),
            Stage::Reduce => self.voting != other.voting || self.tensions != other.tensions || set(self) != set(other),
            Stage::Concretise => self.principles != other.principles,
        }
    }

    /// Whether the chosen set holds five to eight principles, as the method advises.
    pub fn set_size_ok(&self) -> bool {
        (limits::SET_MIN..=limits::SET_MAX).contains(&self.principles.len())
    }

    /// Fails when the set is at its hard maximum.
    fn room_in_set(&self) -> Result<(), E> {
        if self.principles.len() >= limits::SET_HARD_MAX {
            Err(E::SetFull(limits::SET_HARD_MAX))
        } else {
            Ok(())
        }
    }

    /// Replaces the item with the same id in the list `pick` chooses, or adds it: within `cap`
    /// items, and only once its id is new in the whole workshop.
    fn upsert<T>(
        &mut self,
        pick: fn(&mut Workshop) -> &mut Vec<T>,
        item: T,
        id: fn(&T) -> &Id,
        cap: usize,
        field: Field,
    ) -> Result<(), E> {
        match pick(self).iter().position(|x| id(x) == id(&item)) {
            Some(at) => pick(self)[at] = item,
            None => {
                if pick(self).len() >= cap {
                    return Err(E::TooMany { what: field, max: cap });
                }
                self.fresh(id(&item), field)?;
                pick(self).push(item);
            }
        }
        Ok(())
    }

    /// Refuses an id in use, and one whose item was deleted: a merge tells a deleted item from a
    /// new one by its id (the tombstone), so a deleted id never names anything again. (The app's
    /// ids are random and never repeat; files and tests can.)
    fn fresh(&self, id: &Id, field: Field) -> Result<(), E> {
        if self.all_ids().any(|x| x == id) || self.deleted.iter().any(|t| &t.id == id) {
            Err(E::DuplicateId(field))
        } else {
            Ok(())
        }
    }

    /// Adds a card under its source, checked: its text, a new id, its source, the group, and a
    /// route question of the source's own route.
    fn add_card(&mut self, mut card: Card) -> Result<(), E> {
        card.text = limits::required(&card.text, Field::Card, limits::CARD)?;
        self.fresh(&card.id, Field::Card)?;
        let source = find(&self.sources, &card.source, |s| &s.id, Field::Source)?;
        if card.question.is_some_and(|q| q.kind() != source.kind) {
            return Err(E::NotFound(Field::Question));
        }
        self.known_group(card.group.as_ref())?;
        self.cards.push(card);
        Ok(())
    }

    fn known_group(&self, group: Option<&Id>) -> Result<(), E> {
        match group {
            Some(g) => index(&self.setup.groups, g, |x| &x.id, Field::Group).map(|_| ()),
            None => Ok(()),
        }
    }

    fn check_cards(&self, cards: &[Id]) -> Result<(), E> {
        if cards.is_empty() {
            return Err(E::NothingSelected);
        }
        for id in cards {
            index(&self.cards, id, |c| &c.id, Field::Card)?;
        }
        Ok(())
    }

    /// Moves the cards and tells which moved from where, in board order (each card once).
    fn move_cards(&mut self, cards: &[Id], to: Option<Id>) -> Change {
        let mut moved = Vec::new();
        for card in &mut self.cards {
            if cards.contains(&card.id) {
                let from = std::mem::replace(&mut card.cluster, to.clone());
                moved.push(CardMove { card: card.id.clone(), from });
            }
        }
        Change::Moved { to, cards: moved }
    }

    fn not_promoted(&self, cluster: &Id) -> Result<(), E> {
        if self.principles.iter().any(|p| p.from_cluster.as_ref() == Some(cluster)) {
            Err(E::ClusterIsPrinciple)
        } else {
            Ok(())
        }
    }

    /// Dots on a merged-away cluster follow its cards, within the per-cluster maximum.
    fn move_votes(&mut self, from: &Id, into: &Id) {
        let max = self.voting.max_per_cluster;
        let moved: Vec<Vote> = self.voting.votes.iter().filter(|v| &v.cluster == from).cloned().collect();
        self.voting.votes.retain(|v| &v.cluster != from);
        for m in moved {
            match self.voting.votes.iter_mut().find(|v| v.voter == m.voter && &v.cluster == into) {
                Some(v) => v.dots = (v.dots + m.dots).min(max),
                None => self.voting.votes.push(Vote { voter: m.voter, cluster: into.clone(), dots: m.dots.min(max) }),
            }
        }
        // A voter's recognition follows too, unless they already marked the cluster it joins.
        let on_into: Vec<Id> =
            self.voting.marks.iter().filter(|m| &m.cluster == into).map(|m| m.voter.clone()).collect();
        self.voting.marks.retain(|m| &m.cluster != from || !on_into.contains(&m.voter));
        for m in &mut self.voting.marks {
            if &m.cluster == from {
                m.cluster = into.clone();
            }
        }
    }
}

impl Voting {
    /// How many dots this voter has placed. Saturating: a file may hold absurd counts and
    /// is checked with this before they are refused.
    pub fn dots_used(&self, voter: &Id) -> u32 {
        self.votes.iter().filter(|v| &v.voter == voter).fold(0, |n, v| n.saturating_add(v.dots))
    }

    /// A voter's recognition of a cluster, if they marked it.
    pub fn mark(&self, voter: &Id, cluster: &Id) -> Option<Recognition> {
        self.marks.iter().find(|m| &m.voter == voter && &m.cluster == cluster).map(|m| m.level)
    }

    /// Total dots on a cluster.
    pub fn dots_on(&self, cluster: &Id) -> u32 {
        self.votes.iter().filter(|v| &v.cluster == cluster).fold(0, |n, v| n.saturating_add(v.dots))
    }
}

pub(crate) fn index<T>(items: &[T], id: &Id, key: impl Fn(&T) -> &Id, field: Field) -> Result<usize, E> {
    items.iter().position(|x| key(x) == id).ok_or(E::NotFound(field))
}

fn find<'a, T>(items: &'a [T], id: &Id, key: impl Fn(&T) -> &Id, field: Field) -> Result<&'a T, E> {
    items.iter().find(|x| key(x) == id).ok_or(E::NotFound(field))
}

fn find_mut<'a, T>(items: &'a mut [T], id: &Id, key: impl Fn(&T) -> &Id, field: Field) -> Result<&'a mut T, E> {
    items.iter_mut().find(|x| key(x) == id).ok_or(E::NotFound(field))
}
