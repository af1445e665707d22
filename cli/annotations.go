package cli

// AnnotationExperimentalCLI marks a command the reference calls an
// experimental CLI feature: its help carries the EXPERIMENTAL note.
const AnnotationExperimentalCLI = "experimentalCLI"
