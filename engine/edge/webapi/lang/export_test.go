package lang

// FuncProgram is funcProgram, for the external tests.
var FuncProgram = funcProgram
