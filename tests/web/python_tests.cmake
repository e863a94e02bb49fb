# The tests of the running `hsg serve`, in Python: each starts the real binary on a free
# port against a store of its own and stops it. They run under Debian's /usr/bin/python3,
# the interpreter Debian's python3-selenium is installed for (a python3 earlier on PATH,
# a pyenv one say, would not import it); a missing tool fails the test, never skips it.
find_program(HSG_DEBIAN_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
foreach(test admin audit browser commissioner crash finance letter role_matrix security)
  add_test(NAME web.${test}
    COMMAND ${HSG_DEBIAN_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/${test}_test.py $<TARGET_FILE:hsg>)
endforeach()
# The security test waits out a one-minute idle expiry; the crash test loads the machine.
set_tests_properties(web.browser web.crash PROPERTIES TIMEOUT 300)
set_tests_properties(web.commissioner PROPERTIES TIMEOUT 600)
set_tests_properties(web.finance PROPERTIES TIMEOUT 300)
set_tests_properties(web.security PROPERTIES TIMEOUT 600)
set_tests_properties(web.letter PROPERTIES TIMEOUT 120)
set_tests_properties(web.admin PROPERTIES TIMEOUT 300)
