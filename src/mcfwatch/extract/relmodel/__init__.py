"""The trained relation scorer: a linear classifier over candidate entity pairs in a sentence.

Rules (``extract/en``, ``extract/zh``) and this model are two scorers of the same candidates; ``combine``
decides which relations a document gets (``MCFWATCH_RELATIONS=rules|model|both``). Training: ``make train``
(``relmodel/train.py``); the weights ship in ``relmodel/models/`` as plain numpy arrays plus ``meta.json``
(training data hash, counts, features, hyperparameters, dev scores). Nothing here is pickled.
"""
