"""The contract as the server reads it: the spec document, the models generated from it
(`api_models`, with the strict types of `formats`), and the problem types its `x-problem-codes`
name. The ground floor: everything else may import it, it imports nothing of the server.
"""
