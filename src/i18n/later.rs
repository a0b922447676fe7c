//! Texts of the later phases: Kiezen (reduce), Concretiseren, Charter, and the file menu.

use super::Lang;

texts! {
    L;
    PhaseReduce => "Kiezen", "Choose";
    PhaseConcretise => "Concretiseren", "Make concrete";
    PhaseCharter => "Charter", "Charter";
}
