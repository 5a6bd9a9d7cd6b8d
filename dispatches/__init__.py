"""dispatches: a teaching toolkit for reading wartime reporting critically.

    import dispatches as dp
    art = dp.read_article("datasets/articles/hd_drones_acknowledged.txt", published="2025-09-23")
    art.sources(); art.claims(); art.timeline()
"""
from . import datasets
from .article import Article
from .citations import citation_graph, plot_citation_graph
from .corpus import analyze_corpus
from .crosscheck import CrossCheck, cross_check
from .imvain import imvain_table
from .layout import DispatchesWarning
from .profiles import certainty_profile, plot_certainty_profile, plot_source_profile, source_profile
from .reading import read_article
from .timelines import compare_timeline, plot_timeline, stack_timelines as timeline

__all__ = ["Article", "datasets", "analyze_corpus", "CrossCheck", "DispatchesWarning", "certainty_profile", "citation_graph", "compare_timeline",
           "cross_check", "imvain_table", "plot_certainty_profile", "plot_citation_graph", "plot_source_profile", "plot_timeline",
           "read_article", "source_profile", "timeline"]
__version__ = "0.1.0"
