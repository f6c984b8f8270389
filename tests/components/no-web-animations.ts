// happy-dom animates elements but never runs an animation to its end, so a Fluent dialog opened by
// a click would stay in its first keyframe, hidden. Without Element.animate, Fluent's motion takes
// its test path and ends each motion on the next render.
delete (Element.prototype as { animate?: unknown }).animate;
