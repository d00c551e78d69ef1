SITEGEN_SEARCH.words("ob", {"objectifs":[1]});
