/*
 * i18n.c: built-in phrase tables (English and Spanish) and {placeholder}
 * substitution.  A form's own "phrase" lines override these.
 */
#include <stdarg.h>
#include <string.h>

#include "base/defs.h"
#include "base/i18n.h"
#include "base/strbuf.h"

static const char *const phrase_names[PHRASE__COUNT] = {
	[PH_NEXT] = "next",
	[PH_BACK] = "back",
	[PH_HELP] = "help",
	[PH_DONE] = "done",
	[PH_YES] = "yes",
	[PH_NO] = "no",
	[PH_AGREE_DEFAULT] = "agree",
	[PH_BEGIN] = "begin",
	[PH_CHOOSE_LANGUAGE] = "choose-language",
	[PH_PROGRESS] = "progress",
	[PH_REVIEW_TITLE] = "review-title",
	[PH_REVIEW_HINT] = "review-hint",
	[PH_NOT_ANSWERED] = "not-answered",
	[PH_STILL_THERE] = "still-there",
	[PH_ENLARGE] = "enlarge",
	[PH_THANKS] = "thanks",
	[PH_END_SUMMARY] = "end-summary",
	[PH_END_STOP] = "end-stop",
	[PH_END_SCORE] = "end-score",
	[PH_PRACTITIONER] = "practitioner",
	[PH_KEYS_CHOICE] = "keys-choice",
	[PH_KEYS_MULTI] = "keys-multi",
	[PH_KEYS_TEXT] = "keys-text",
	[PH_KEYS_SCREEN] = "keys-screen",
	[PH_KEYS_REVIEW] = "keys-review",
	[PH_DATE_HINT] = "date-hint",
	[PH_DATE_ORDER] = "date-order",
	[PH_MONTH_HINT] = "month-hint",
	[PH_ERR_MONTH_SYNTAX] = "err-month-syntax",
	[PH_PRINT_MONTH] = "print-month",
	[PH_END_RECHECK] = "end-recheck",
	[PH_ERR_REQUIRED] = "err-required",
	[PH_ERR_CHOICE] = "err-choice",
	[PH_ERR_INTEGER] = "err-integer",
	[PH_ERR_DECIMAL] = "err-decimal",
	[PH_ERR_MIN] = "err-min",
	[PH_ERR_MAX] = "err-max",
	[PH_ERR_RANGE] = "err-range",
	[PH_ERR_TOO_LONG] = "err-too-long",
	[PH_ERR_PATTERN] = "err-pattern",
	[PH_ERR_DATE_SYNTAX] = "err-date-syntax",
	[PH_ERR_DATE_NO_SUCH_DAY] = "err-date-no-such-day",
	[PH_ERR_AGREE] = "err-agree",
	[PH_ERR_INVALID] = "err-invalid",
	[PH_KEYS_LONGTEXT] = "keys-longtext",
	[PH_DEMO_LEAVE] = "demo-leave",
	[PH_PRINT_REQUIRED] = "print-required",
	[PH_PRINT_CHOOSE_ONE] = "print-choose-one",
	[PH_PRINT_TICK_ALL] = "print-tick-all",
	[PH_PRINT_ONLY_THIS] = "print-only-this",
	[PH_PRINT_ANSWER_IF] = "print-answer-if",
	[PH_PRINT_READ_IF] = "print-read-if",
	[PH_PRINT_SECTION_IF] = "print-section-if",
	[PH_PRINT_TEXT] = "print-text",
	[PH_PRINT_LINES] = "print-lines",
	[PH_PRINT_MAXCHARS] = "print-maxchars",
	[PH_PRINT_WHOLE] = "print-whole",
	[PH_PRINT_NUMBER] = "print-number",
	[PH_PRINT_RANGE] = "print-range",
	[PH_PRINT_AT_LEAST] = "print-at-least",
	[PH_PRINT_AT_MOST] = "print-at-most",
	[PH_PRINT_DATE] = "print-date",
	[PH_PRINT_SCALE] = "print-scale",
	[PH_MORE] = "more",
	[PH_LIST_MORE] = "list-more",
	[PH_ART_FRONT] = "art-front",
	[PH_ART_BACK] = "art-back",
	[PH_HELP_HINT] = "help-hint",
	[PH_DECLINE] = "decline",
	[PH_DECLINED] = "declined",
	[PH_KEYS_AGREE] = "keys-agree",
	[PH_PASTE_CUT] = "paste-cut",
	[PH_WORDS_AGE] = "words-age",
	[PH_WORDS_NUMBER] = "words-number",
	[PH_WORDS_CHOSE] = "words-chose",
	[PH_WORDS_NOT_CHOSE] = "words-not-chose",
	[PH_WORDS_TICKED] = "words-ticked",
	[PH_WORDS_NOT_TICKED] = "words-not-ticked",
	[PH_WORDS_ANSWERED] = "words-answered",
	[PH_WORDS_NOT_ANSWERED] = "words-not-answered",
	[PH_WORDS_AND] = "words-and",
	[PH_WORDS_OR] = "words-or",
	[PH_WORDS_OTHER] = "words-other",
	[PH_LANGUAGE_NAME] = "language-name",
	[PH_ASK_STAFF] = "ask-staff",
	[PH_ART_FULL] = "art-full",
	[PH_ART_THINNER] = "art-thinner",
	[PH_ART_SPARSE] = "art-sparse",
	[PH_ART_BARE] = "art-bare",
	[PH_ART_EARS] = "art-ears",
	[PH_ART_VIEW_TOP] = "art-view-top",
	[PH_ART_VIEW_SIDE] = "art-view-side",
	[PH_ART_VIEW_FRONT] = "art-view-front",
	[PH_ART_VIEW_CLOSE] = "art-view-close",
	[PH_CONFIRM_TITLE] = "confirm-title",
	[PH_CONFIRM_YES] = "confirm-yes",
	[PH_CONFIRM_AGAIN] = "confirm-again",
	[PH_CONFIRM_UNSURE] = "confirm-unsure",
	[PH_CONFIRM_UNSURE_TEXT] = "confirm-unsure-text",
	[PH_KEYS_CONFIRM] = "keys-confirm",
	[PH_COMPARE_HINT] = "compare-hint",
	[PH_COMPARE_LEAVE] = "compare-leave",
	[PH_KEYS_COMPARE] = "keys-compare",
	[PH_PLAIN_PROGRESS] = "plain-progress",
	[PH_PLAIN_CHOOSE] = "plain-choose",
	[PH_PLAIN_MULTI] = "plain-multi",
	[PH_PLAIN_TYPE] = "plain-type",
	[PH_PLAIN_ENTER] = "plain-enter",
	[PH_PLAIN_WORDS] = "plain-words",
	[PH_PLAIN_KEEP] = "plain-keep",
	[PH_PLAIN_PICTURE] = "plain-picture",
	[PH_PLAIN_UNKNOWN] = "plain-unknown",
	[PH_WORD_BACK] = "word-back",
	[PH_WORD_HELP] = "word-help",
	[PH_WORD_REPEAT] = "word-repeat",
	[PH_KEYS_TEXT_SAY] = "keys-text-say",
	[PH_KEYS_REVIEW_SAY] = "keys-review-say",
	[PH_PLAIN_LANG] = "plain-lang",
};

static const char *const phrases_en[PHRASE__COUNT] = {
	[PH_NEXT] = "Next",
	[PH_BACK] = "Back",
	[PH_HELP] = "Help",
	[PH_DONE] = "Send my answers",
	[PH_YES] = "Yes",
	[PH_NO] = "No",
	[PH_AGREE_DEFAULT] = "I have read this",
	[PH_BEGIN] = "Press any key or tap the screen to begin",
	[PH_CHOOSE_LANGUAGE] = "Choose your language",
	[PH_PROGRESS] = "{n} of {m}",
	[PH_REVIEW_TITLE] = "Please check your answers",
	[PH_REVIEW_HINT] = "Choose an answer to change it, or choose "
	    "\"Send my answers\" when everything is right.",
	[PH_NOT_ANSWERED] = "(not answered)",
	[PH_STILL_THERE] = "Are you still there? Press any key to carry "
	    "on. For your privacy this will close in {seconds} seconds.",
	[PH_ENLARGE] = "Please make this window larger (at least {cols} "
	    "columns by {rows} rows).",
	[PH_THANKS] = "Thank you",
	[PH_END_SUMMARY] = "Thank you for your answers. They have been "
	    "saved for your consultation.",
	[PH_END_STOP] = "Thank you. Some of your answers mean that the "
	    "practitioner needs to talk with you before any treatment can "
	    "be planned.",
	[PH_END_SCORE] = "Your suitability: {band}",
	[PH_PRACTITIONER] = "Your practitioner will go through this with "
	    "you and will confirm what is right for you.",
	[PH_KEYS_CHOICE] = "Up/Down choose   Enter next   Esc back   F1 help",
	[PH_KEYS_MULTI] = "Up/Down move   Space tick   Enter next   Esc back"
	    "   F1 help",
	[PH_KEYS_TEXT] = "Type your answer   Enter next   Esc back   F1 help",
	[PH_KEYS_SCREEN] = "Enter next   Esc back",
	[PH_KEYS_REVIEW] = "Up/Down choose   Enter change   Esc back",
	[PH_DATE_HINT] = "Day/month/year, for example 23/07/1985",
	[PH_DATE_ORDER] = "dmy",
	[PH_MONTH_HINT] = "Month/year, for example 03/2026",
	[PH_ERR_MONTH_SYNTAX] = "Please type the month and the year, for "
	    "example 03/2026.",
	[PH_PRINT_MONTH] = "month/year",
	[PH_END_RECHECK] = "We would be glad to see you again from {date}; "
	    "your practitioner will confirm.",
	[PH_ERR_REQUIRED] = "Please answer this question to continue.",
	[PH_ERR_CHOICE] = "Please choose one of the options shown.",
	[PH_ERR_INTEGER] = "Please type a whole number using digits only, "
	    "for example 42.",
	[PH_ERR_DECIMAL] = "Please type a number using digits, for example "
	    "72.5.",
	[PH_ERR_MIN] = "Please enter a number of at least {min}.",
	[PH_ERR_MAX] = "Please enter a number no bigger than {max}.",
	[PH_ERR_RANGE] = "Please enter a number from {min} to {max}.",
	[PH_ERR_TOO_LONG] = "Please keep this to {max} characters or fewer.",
	[PH_ERR_PATTERN] = "That does not look right. Please check what you "
	    "typed.",
	[PH_ERR_DATE_SYNTAX] = "Please type the date as day/month/year, for "
	    "example 23/07/1985.",
	[PH_ERR_DATE_NO_SUCH_DAY] = "That date does not exist. Please check "
	    "the day and the month.",
	[PH_ERR_AGREE] = "Please read this and choose \"{agree}\" to go on.",
	[PH_ERR_INVALID] = "Please check this answer.",
	[PH_KEYS_LONGTEXT] = "Type your answer   Enter new line   Tab next   "
	    "Esc back   F1 help",
	[PH_DEMO_LEAVE] = "Demo: to leave, press F10, type the demo PIN "
	    "shown when the demo started, and choose \"Exit the kiosk\".",
	[PH_PRINT_REQUIRED] = "required",
	[PH_PRINT_CHOOSE_ONE] = "choose one",
	[PH_PRINT_TICK_ALL] = "tick all that apply",
	[PH_PRINT_ONLY_THIS] = "only this one",
	[PH_PRINT_ANSWER_IF] = "Answer only if {cond}.",
	[PH_PRINT_READ_IF] = "Read only if {cond}.",
	[PH_PRINT_SECTION_IF] = "Answer this section only if {cond}.",
	[PH_PRINT_TEXT] = "text",
	[PH_PRINT_LINES] = "several lines",
	[PH_PRINT_MAXCHARS] = "at most {max} characters",
	[PH_PRINT_WHOLE] = "whole number",
	[PH_PRINT_NUMBER] = "number",
	[PH_PRINT_RANGE] = "from {min} to {max}",
	[PH_PRINT_AT_LEAST] = "at least {min}",
	[PH_PRINT_AT_MOST] = "at most {max}",
	[PH_PRINT_DATE] = "date, day/month/year",
	[PH_PRINT_SCALE] = "choose one number from {min} to {max}",
	[PH_MORE] = "\u25bc More below: press Down or Enter to read on",
	[PH_LIST_MORE] = "more",
	[PH_ART_FRONT] = "front",
	[PH_ART_BACK] = "back",
	[PH_HELP_HINT] = "More help with this question: press F1 or tap here",
	[PH_DECLINE] = "I do not agree",
	[PH_DECLINED] = "You chose not to agree, so we will stop here. "
	    "None of your answers have been kept. A member of staff will "
	    "be glad to talk this through with you.",
	[PH_KEYS_AGREE] = "Enter press the marked button   Left/Right choose"
	    "   Esc back",
	[PH_PASTE_CUT] = "Only {max} characters fit here, so the rest was "
	    "left out. Please check your answer.",
	[PH_WORDS_AGE] = "you are {n}|you are not {n}|you are under {n}|"
	    "you are {n} or under|you are over {n}|you are {n} or over",
	[PH_WORDS_NUMBER] = "your answer to \"{q}\" is {n}|"
	    "your answer to \"{q}\" is not {n}|"
	    "your answer to \"{q}\" is less than {n}|"
	    "your answer to \"{q}\" is {n} or less|"
	    "your answer to \"{q}\" is more than {n}|"
	    "your answer to \"{q}\" is {n} or more",
	[PH_WORDS_CHOSE] = "you answered {options} to \"{q}\"",
	[PH_WORDS_NOT_CHOSE] = "you did not answer {options} to \"{q}\"",
	[PH_WORDS_TICKED] = "you ticked \"{option}\" for \"{q}\"",
	[PH_WORDS_NOT_TICKED] = "you did not tick \"{option}\" for \"{q}\"",
	[PH_WORDS_ANSWERED] = "you answered \"{q}\"",
	[PH_WORDS_NOT_ANSWERED] = "you did not answer \"{q}\"",
	[PH_WORDS_AND] = "{a} and {b}",
	[PH_WORDS_OR] = "{a} or {b}",
	[PH_WORDS_OTHER] = "your earlier answers call for it",
	[PH_LANGUAGE_NAME] = "English",
	[PH_ASK_STAFF] = "Sorry, we need a moment.\n\nPlease ask a member of "
	    "staff to help you. Your answers so far are kept.",
	[PH_ART_FULL] = "full",
	[PH_ART_THINNER] = "thinner",
	[PH_ART_SPARSE] = "sparse",
	[PH_ART_BARE] = "bare",
	[PH_ART_EARS] = "ears",
	[PH_ART_VIEW_TOP] = "from above",
	[PH_ART_VIEW_SIDE] = "from the side",
	[PH_ART_VIEW_FRONT] = "as in a mirror",
	[PH_ART_VIEW_CLOSE] = "the parting, close up",
	[PH_CONFIRM_TITLE] = "Is this like you?",
	[PH_CONFIRM_YES] = "Yes, like me",
	[PH_CONFIRM_AGAIN] = "Choose again",
	[PH_CONFIRM_UNSURE] = "Not sure",
	[PH_CONFIRM_UNSURE_TEXT] = "That is fine. We will note \"not sure\" "
	    "and the practitioner will look at your hair with you at the "
	    "consultation and choose the picture together. Nothing else "
	    "changes.",
	[PH_KEYS_CONFIRM] = "Y yes  C choose again  N not sure",
	[PH_COMPARE_HINT] = "See two pictures side by side: press = or tap "
	    "here",
	[PH_COMPARE_LEAVE] = "Back to the list: press = or tap here",
	[PH_KEYS_COMPARE] = "Up/Down other picture   = list   Enter next   "
	    "Esc list",
	[PH_PLAIN_PROGRESS] = "Question {n} of {m}",
	[PH_PLAIN_CHOOSE] = "Type the number of your answer, then press Enter.",
	[PH_PLAIN_MULTI] = "Type the numbers of all that apply, with spaces "
	    "between them, then press Enter.",
	[PH_PLAIN_TYPE] = "Type your answer, then press Enter.",
	[PH_PLAIN_ENTER] = "Press Enter to go on.",
	[PH_PLAIN_WORDS] = "Type {back} to go back, {help} for help, {repeat} "
	    "to see this again.",
	[PH_PLAIN_KEEP] = "Your answer now: {answer}. Press Enter to keep it.",
	[PH_PLAIN_PICTURE] = "Picture: {text}",
	[PH_PLAIN_UNKNOWN] = "Sorry, that is not one of the answers. Please "
	    "type its number.",
	[PH_WORD_BACK] = "back",
	[PH_WORD_HELP] = "help",
	[PH_WORD_REPEAT] = "repeat",
	[PH_KEYS_TEXT_SAY] = "Type your answer   Enter next   Esc back   "
	    "F1 help   F4 hear it",
	[PH_KEYS_REVIEW_SAY] = "Up/Down choose   Enter change   Esc back   "
	    "F4 hear it",
	[PH_PLAIN_LANG] = "To change the language, type its name: {names}.",
};

static const char *const phrases_es[PHRASE__COUNT] = {
	[PH_NEXT] = "Siguiente",
	[PH_BACK] = "Atrás",
	[PH_HELP] = "Ayuda",
	[PH_DONE] = "Enviar mis respuestas",
	[PH_YES] = "Sí",
	[PH_NO] = "No",
	[PH_AGREE_DEFAULT] = "Lo he leído",
	[PH_BEGIN] = "Pulse cualquier tecla o toque la pantalla para empezar",
	[PH_CHOOSE_LANGUAGE] = "Elija su idioma",
	[PH_PROGRESS] = "{n} de {m}",
	[PH_REVIEW_TITLE] = "Revise sus respuestas",
	[PH_REVIEW_HINT] = "Elija una respuesta para cambiarla, o elija "
	    "«Enviar mis respuestas» cuando todo esté bien.",
	[PH_NOT_ANSWERED] = "(sin responder)",
	[PH_STILL_THERE] = "¿Sigue ahí? Pulse cualquier tecla para "
	    "continuar. Por su privacidad, esto se cerrará en {seconds} "
	    "segundos.",
	[PH_ENLARGE] = "Amplíe esta ventana (al menos {cols} columnas por "
	    "{rows} filas).",
	[PH_THANKS] = "Gracias",
	[PH_END_SUMMARY] = "Gracias por sus respuestas. Se han guardado "
	    "para su consulta.",
	[PH_END_STOP] = "Gracias. Algunas de sus respuestas indican que el "
	    "profesional debe hablar con usted antes de planificar cualquier "
	    "tratamiento.",
	[PH_END_SCORE] = "Su idoneidad: {band}",
	[PH_PRACTITIONER] = "Su profesional lo revisará con usted y le "
	    "confirmará qué es lo más adecuado en su caso.",
	[PH_KEYS_CHOICE] = "Arriba/Abajo elegir   Intro siguiente   Esc "
	    "atrás   F1 ayuda",
	[PH_KEYS_MULTI] = "Arriba/Abajo mover   Espacio marcar   Intro "
	    "siguiente   Esc atrás   F1 ayuda",
	[PH_KEYS_TEXT] = "Escriba su respuesta   Intro siguiente   Esc atrás"
	    "   F1 ayuda",
	[PH_KEYS_SCREEN] = "Intro siguiente   Esc atrás",
	[PH_KEYS_REVIEW] = "Arriba/Abajo elegir   Intro cambiar   Esc atrás",
	[PH_DATE_HINT] = "Día/mes/año, por ejemplo 23/07/1985",
	[PH_DATE_ORDER] = "dmy",
	[PH_MONTH_HINT] = "Mes/año, por ejemplo 03/2026",
	[PH_ERR_MONTH_SYNTAX] = "Escriba el mes y el año, por ejemplo 03/2026.",
	[PH_PRINT_MONTH] = "mes/año",
	[PH_END_RECHECK] = "Estaremos encantados de volver a verle a partir "
	    "del {date}; su especialista se lo confirmará.",
	[PH_ERR_REQUIRED] = "Responda a esta pregunta para continuar.",
	[PH_ERR_CHOICE] = "Elija una de las opciones que se muestran.",
	[PH_ERR_INTEGER] = "Escriba un número entero, solo con cifras; por "
	    "ejemplo, 42.",
	[PH_ERR_DECIMAL] = "Escriba un número con cifras; por ejemplo, "
	    "72.5.",
	[PH_ERR_MIN] = "Escriba un número igual o mayor que {min}.",
	[PH_ERR_MAX] = "Escriba un número igual o menor que {max}.",
	[PH_ERR_RANGE] = "Escriba un número entre {min} y {max}.",
	[PH_ERR_TOO_LONG] = "Use como máximo {max} caracteres.",
	[PH_ERR_PATTERN] = "Esto no parece correcto. Revise lo que ha "
	    "escrito.",
	[PH_ERR_DATE_SYNTAX] = "Escriba la fecha como día/mes/año; por "
	    "ejemplo, 23/07/1985.",
	[PH_ERR_DATE_NO_SUCH_DAY] = "Esa fecha no existe. Revise el día y "
	    "el mes.",
	[PH_ERR_AGREE] = "Lea este texto y elija «{agree}» para continuar.",
	[PH_ERR_INVALID] = "Revise esta respuesta.",
	[PH_KEYS_LONGTEXT] = "Escriba su respuesta   Intro nueva línea   Tab "
	    "siguiente   Esc atrás   F1 ayuda",
	[PH_DEMO_LEAVE] = "Demostración: para salir, pulse F10, escriba el "
	    "PIN de demostración que se mostró al empezar y elija "
	    "«Exit the kiosk».",
	[PH_PRINT_REQUIRED] = "obligatoria",
	[PH_PRINT_CHOOSE_ONE] = "elija una",
	[PH_PRINT_TICK_ALL] = "marque todas las que correspondan",
	[PH_PRINT_ONLY_THIS] = "solo esta",
	[PH_PRINT_ANSWER_IF] = "Responda solo si {cond}.",
	[PH_PRINT_READ_IF] = "Lea solo si {cond}.",
	[PH_PRINT_SECTION_IF] = "Responda a esta sección solo si {cond}.",
	[PH_PRINT_TEXT] = "texto",
	[PH_PRINT_LINES] = "varias líneas",
	[PH_PRINT_MAXCHARS] = "como máximo {max} caracteres",
	[PH_PRINT_WHOLE] = "número entero",
	[PH_PRINT_NUMBER] = "número",
	[PH_PRINT_RANGE] = "de {min} a {max}",
	[PH_PRINT_AT_LEAST] = "como mínimo {min}",
	[PH_PRINT_AT_MOST] = "como máximo {max}",
	[PH_PRINT_DATE] = "fecha, día/mes/año",
	[PH_PRINT_SCALE] = "elija un número del {min} al {max}",
	[PH_MORE] = "\u25bc Hay más texto: pulse Abajo o Intro para seguir leyendo",
	[PH_LIST_MORE] = "más",
	[PH_ART_FRONT] = "frente",
	[PH_ART_BACK] = "nuca",
	[PH_HELP_HINT] = "Más ayuda sobre esta pregunta: pulse F1 o toque "
	    "aquí",
	[PH_DECLINE] = "No estoy de acuerdo",
	[PH_DECLINED] = "Ha elegido no aceptar, así que terminamos aquí. "
	    "No se ha guardado ninguna de sus respuestas. Un miembro del "
	    "personal hablará de ello con usted con mucho gusto.",
	[PH_KEYS_AGREE] = "Intro pulsar el botón marcado   "
	    "Izquierda/Derecha elegir   Esc atrás",
	[PH_PASTE_CUT] = "Aquí solo caben {max} caracteres, así que el resto "
	    "no se ha incluido. Por favor, revise su respuesta.",
	[PH_WORDS_AGE] = "tiene {n} años|no tiene {n} años|"
	    "tiene menos de {n} años|tiene {n} años o menos|"
	    "tiene más de {n} años|tiene {n} años o más",
	[PH_WORDS_NUMBER] = "su respuesta a «{q}» es {n}|"
	    "su respuesta a «{q}» no es {n}|"
	    "su respuesta a «{q}» es menor que {n}|"
	    "su respuesta a «{q}» es {n} o menos|"
	    "su respuesta a «{q}» es mayor que {n}|"
	    "su respuesta a «{q}» es {n} o más",
	[PH_WORDS_CHOSE] = "respondió {options} a «{q}»",
	[PH_WORDS_NOT_CHOSE] = "no respondió {options} a «{q}»",
	[PH_WORDS_TICKED] = "marcó «{option}» en «{q}»",
	[PH_WORDS_NOT_TICKED] = "no marcó «{option}» en «{q}»",
	[PH_WORDS_ANSWERED] = "respondió a «{q}»",
	[PH_WORDS_NOT_ANSWERED] = "no respondió a «{q}»",
	[PH_WORDS_AND] = "{a} y {b}",
	[PH_WORDS_OR] = "{a} o {b}",
	[PH_WORDS_OTHER] = "sus respuestas anteriores lo requieren",
	[PH_LANGUAGE_NAME] = "Español",
	[PH_ASK_STAFF] = "Disculpe, necesitamos un momento.\n\nPida ayuda a "
	    "un miembro del personal. Sus respuestas se conservan.",
	[PH_ART_FULL] = "denso",
	[PH_ART_THINNER] = "más fino",
	[PH_ART_SPARSE] = "escaso",
	[PH_ART_BARE] = "sin pelo",
	[PH_ART_EARS] = "orejas",
	[PH_ART_VIEW_TOP] = "desde arriba",
	[PH_ART_VIEW_SIDE] = "de lado",
	[PH_ART_VIEW_FRONT] = "como en un espejo",
	[PH_ART_VIEW_CLOSE] = "la raya, de cerca",
	[PH_CONFIRM_TITLE] = "¿Se parece a usted?",
	[PH_CONFIRM_YES] = "Sí, como yo",
	[PH_CONFIRM_AGAIN] = "Elegir otra vez",
	[PH_CONFIRM_UNSURE] = "No estoy seguro/a",
	[PH_CONFIRM_UNSURE_TEXT] = "No pasa nada. Anotaremos «no estoy "
	    "seguro/a» y su especialista mirará su pelo con usted en la "
	    "consulta y elegirán el dibujo juntos. Todo lo demás sigue "
	    "igual.",
	[PH_KEYS_CONFIRM] = "S sí  E elegir otra vez  N no estoy seguro/a",
	[PH_COMPARE_HINT] = "Ver dos dibujos uno al lado del otro: pulse = "
	    "o toque aquí",
	[PH_COMPARE_LEAVE] = "Volver a la lista: pulse = o toque aquí",
	[PH_KEYS_COMPARE] = "Arriba/Abajo otro dibujo   = lista   Intro "
	    "siguiente   Esc lista",
	[PH_PLAIN_PROGRESS] = "Pregunta {n} de {m}",
	[PH_PLAIN_CHOOSE] = "Escriba el número de su respuesta y pulse Intro.",
	[PH_PLAIN_MULTI] = "Escriba los números de todas las que correspondan, "
	    "separados por espacios, y pulse Intro.",
	[PH_PLAIN_TYPE] = "Escriba su respuesta y pulse Intro.",
	[PH_PLAIN_ENTER] = "Pulse Intro para seguir.",
	[PH_PLAIN_WORDS] = "Escriba {back} para volver, {help} para ver la "
	    "ayuda, {repeat} para verlo otra vez.",
	[PH_PLAIN_KEEP] = "Su respuesta ahora: {answer}. Pulse Intro para "
	    "mantenerla.",
	[PH_PLAIN_PICTURE] = "Imagen: {text}",
	[PH_PLAIN_UNKNOWN] = "Perdone, esa no es una de las respuestas. "
	    "Escriba su número, por favor.",
	[PH_WORD_BACK] = "atrás",
	[PH_WORD_HELP] = "ayuda",
	[PH_WORD_REPEAT] = "repetir",
	[PH_KEYS_TEXT_SAY] = "Escriba su respuesta   Intro siguiente   "
	    "Esc atrás   F1 ayuda   F4 oírla",
	[PH_KEYS_REVIEW_SAY] = "Arriba/Abajo elegir   Intro cambiar   "
	    "Esc atrás   F4 oírla",
	[PH_PLAIN_LANG] = "Para cambiar de idioma, escriba su nombre: "
	    "{names}.",
};

static const struct {
	const char		*lang;
	const char *const	*tab;
} builtins[] = {
	{ "en", phrases_en },
	{ "es", phrases_es },
};

const char *
i18n_phrase_name(enum phrase p)
{
	return (unsigned)p < PHRASE__COUNT ? phrase_names[p] : NULL;
}

int
i18n_phrase_lookup(const char *name)
{
	int	i;

	for (i = 0; i < PHRASE__COUNT; i++)
		if (strcmp(phrase_names[i], name) == 0)
			return i;
	return -1;
}

const char *
i18n_builtin(enum phrase p, const char *lang)
{
	size_t	i;

	if ((unsigned)p >= PHRASE__COUNT)
		return NULL;
	for (i = 0; i < SMP_NELEM(builtins); i++)
		if (strcmp(builtins[i].lang, lang) == 0)
			return builtins[i].tab[p];
	return NULL;
}

/* Find key "name" (length n) in the va_list pairs; NULL if absent. */
static const char *
find_value(const char *name, size_t n, va_list ap)
{
	const char	*k, *v;
	va_list		 aq;

	va_copy(aq, ap);
	while ((k = va_arg(aq, const char *)) != NULL) {
		v = va_arg(aq, const char *);
		if (strlen(k) == n && strncmp(k, name, n) == 0) {
			va_end(aq);
			return v;
		}
	}
	va_end(aq);
	return NULL;
}

char *
i18n_format(const char *tmpl, ...)
{
	struct strbuf	 sb;
	const char	*p, *end, *v;
	va_list		 ap;

	strbuf_init(&sb);
	va_start(ap, tmpl);
	for (p = tmpl; *p != '\0'; p++) {
		if (*p == '{' && (end = strchr(p + 1, '}')) != NULL &&
		    (v = find_value(p + 1, (size_t)(end - p - 1), ap)) !=
		    NULL) {
			strbuf_adds(&sb, v);
			p = end;
		} else
			strbuf_addc(&sb, *p);
	}
	va_end(ap);
	return strbuf_detach(&sb);
}
