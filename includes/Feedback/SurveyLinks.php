<?php
/**
 * Signed one-click answer links. Each link names the ticket (or return), the answer and an
 * expiry, and carries an HMAC-SHA256 of those and of the customer's email address under a key of
 * the store's own (an option made on first use): a link cannot be made for another ticket,
 * another answer or a later expiry, and stops working if the object changes hands. Nothing is
 * stored per link, so every mail can carry a full set.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Feedback;

final class SurveyLinks {

	/** The query argument of the survey page. */
	public const ARG = 'aftercare_survey';

	/** The option holding the signing key. */
	public const KEY_OPTION = 'aftercare_survey_key';

	private const FORMAT = '/^([ce])([1-9]\d{0,18})\.([1-9])\.(\d{1,12})\.([0-9a-f]{32})$/';

	/**
	 * A signed link for one answer.
	 *
	 * @param string $email The customer's email address the link is bound to.
	 */
	public function sign( Survey $survey, int $object_id, int $score, int $expires, string $email ): SurveyLink {
		return new SurveyLink( $survey, $object_id, $score, $expires, $this->signature( $survey, $object_id, $score, $expires, $email ) );
	}

	/**
	 * The page address that records $link's answer once the customer confirms it.
	 */
	public function url( SurveyLink $link ): string {
		return $this->page( $link->token() );
	}

	/**
	 * The survey page of a token.
	 */
	public function page( string $token ): string {
		return add_query_arg( self::ARG, $token, home_url( '/' ) );
	}

	/**
	 * Reads a token; null when it is not one (its signature is not checked here).
	 */
	public function parse( string $token ): ?SurveyLink {
		if ( ! preg_match( self::FORMAT, $token, $parts ) ) {
			return null;
		}
		$survey = 'c' === $parts[1] ? Survey::Satisfaction : Survey::Effort;
		$score  = (int) $parts[3];
		return $survey->accepts( $score ) ? new SurveyLink( $survey, (int) $parts[2], $score, (int) $parts[4], $parts[5] ) : null;
	}

	/**
	 * Whether the store signed this link for the object's customer (constant-time comparison).
	 */
	public function verify( SurveyLink $link, string $email ): bool {
		return hash_equals( $this->signature( $link->survey, $link->object_id, $link->score, $link->expires, $email ), $link->signature );
	}

	private function signature( Survey $survey, int $object_id, int $score, int $expires, string $email ): string {
		$data = implode( '|', array( 'survey', $survey->value, $object_id, $score, $expires, strtolower( trim( $email ) ) ) );
		return substr( hash_hmac( 'sha256', $data, $this->key() ), 0, 32 );
	}

	private function key(): string {
		$key = (string) get_option( self::KEY_OPTION, '' );
		if ( '' === $key ) {
			add_option( self::KEY_OPTION, wp_generate_password( 64, true, true ), '', false );
			$key = (string) get_option( self::KEY_OPTION, '' );
		}
		return $key;
	}
}
