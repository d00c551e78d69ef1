SITEGEN_SEARCH.words("bi", {"bien":[0],
"bilaterale":[0],
"bilaterales":[0,1],
"bilingues":[0],
"binh":[0,1]});
