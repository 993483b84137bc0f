// Where the FullAuth API runs. The page and the API are different origins on purpose (CORS with
// credentials, CSRF and cookies are exercised for real). Change this when the API runs elsewhere.
window.FULLAUTH_API_URL = 'http://localhost:5080';

// Where providers send the browser back after OAuth sign-in: this page. It must be listed, exactly,
// in the API's FullAuth:OAuth:RedirectUris.
window.FULLAUTH_OAUTH_REDIRECT_URI = window.location.origin + '/';
