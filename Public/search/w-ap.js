SITEGEN_SEARCH.words("ap", {"apprecie":[1],
"apprendre":[1],
"approfondir":[0],
"approuve":[1]});
