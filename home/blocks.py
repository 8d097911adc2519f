"""StreamField blocks shared by every page body.

Child keys (``heading``, ``paragraph`` …) live in stored JSON: never rename them.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

# The video chooser is defined beside the Video model; that module imports no models,
# so the shared body can offer videos without home depending on media_hub's models.
from media_hub.choosers import VideoChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "components/streamfield/heading.html"
        label = _("Tussenkop")
        description = _("Een kop van niveau 2 die de tekst eronder inleidt.")
        preview_value = "Wat is een korte keten?"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/streamfield/paragraph.html"
        label = _("Tekst")
        description = _("Lopende tekst met koppen, lijsten en links.")
        preview_value = "<p>Bij korte ketens kennen boeren en afnemers elkaar beter.</p>"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Afbeelding"))
    caption = blocks.CharBlock(required=False, label=_("Bijschrift"))

    class Meta:
        icon = "image"
        template = "components/streamfield/figure.html"
        label = _("Afbeelding")
        description = _("Een afbeelding met alternatieve tekst en een optioneel bijschrift.")


class VideoBlock(blocks.StructBlock):
    video = VideoChooserBlock(label=_("Video"))
    caption = blocks.CharBlock(required=False, label=_("Bijschrift"))

    class Meta:
        icon = "media"
        template = "components/streamfield/video.html"
        label = _("Video")
        description = _("Een video uit de mediabank, afgespeeld in de toegankelijke speler.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citaat"))
    attribution = blocks.CharBlock(required=False, label=_("Bron"))

    class Meta:
        icon = "openquote"
        template = "components/streamfield/quote.html"
        label = _("Citaat")
        description = _("Een uitspraak, met wie het zei.")
        preview_value = {
            "text": "Talloze initiatieven en regionale deals laten zien dat korte ketens werken.",
            "attribution": "Minister van LNV",
        }


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"))
    text = blocks.TextBlock(required=False, label=_("Tekst"))
    page = blocks.PageChooserBlock(required=False, label=_("Pagina"))
    url = blocks.URLBlock(required=False, label=_("Of een externe link"))
    label = blocks.CharBlock(label=_("Knoptekst"))

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": _("Kies een pagina of vul een link in.")}
            )
        return value

    class Meta:
        icon = "link"
        template = "components/streamfield/call_to_action.html"
        label = _("Oproep tot actie")
        description = _("Een opvallend blok dat naar een pagina of website verwijst.")
        preview_value = {
            "title": "Vragen over de korte keten?",
            "label": "Naar het loket",
            "url": "https://example.org",
        }


class ExternalEmbedBlock(EmbedBlock):
    class Meta:
        icon = "code"
        template = "components/streamfield/embed.html"
        label = _("Externe inhoud")
        description = _("Inhoud van een andere website; laadt pas na toestemming van de bezoeker.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = FigureBlock()
    video = VideoBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = ExternalEmbedBlock()

    class Meta:
        template = "components/streamfield/body.html"
