/// A combinator value that its own file never applies: F# gives its point the default type obj, so
/// it is obj -> Scalar. UserTrapTests checks that it compiles and takes a Scalar, a float or an int.
module Functional.FSharp.Tests.UnappliedCombinator

open Functional.FSharp

let cosine = diff sin
