namespace Analytics.Risk;

/// <summary>A replayed prediction moment of a finished application: the end of a day it was still in progress.</summary>
internal readonly record struct Moment(LabeledApplication Item, DateTime AsOf, MomentFigures Figures);
