"""concurrent: the concurrent.futures package."""
