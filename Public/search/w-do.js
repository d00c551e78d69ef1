SITEGEN_SEARCH.words("do", {"documents":[0],
"domaine":[0]});
