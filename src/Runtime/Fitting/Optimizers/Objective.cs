namespace OdeDsl.Runtime.Fitting.Optimizers;

/// <summary>The objective as an optimizer sees it: <c>(L(u), dL/du)</c>, or null where the model cannot be solved.</summary>
internal delegate (double Loss, double[] Gradient)? Objective(double[] u);
