SITEGEN_SEARCH.words("am", {"ambassade":[0],
"ambassadeur":[0],
"ameliorer":[0],
"amitie":[0,1]});
